package se.samla.deviation.medcontrol.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The contract's {@code CaseUpdate}: only the fields present are changed. {@code consequence} and
 * {@code probability} are the receiving side's risk assessment and go together.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseUpdate(
    String status,
    String receivingUnitHsaId,
    RemoteCase.Person handler,
    RemoteCase.Answer answer,
    Instant closedAt,
    String comment,
    Integer consequence,
    Integer probability) {

  /** An update that leaves the risk as it is. */
  public CaseUpdate(
      String status,
      String receivingUnitHsaId,
      RemoteCase.Person handler,
      RemoteCase.Answer answer,
      Instant closedAt,
      String comment) {
    this(status, receivingUnitHsaId, handler, answer, closedAt, comment, null, null);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return status == null
        && receivingUnitHsaId == null
        && handler == null
        && answer == null
        && closedAt == null
        && comment == null
        && consequence == null
        && probability == null;
  }
}
