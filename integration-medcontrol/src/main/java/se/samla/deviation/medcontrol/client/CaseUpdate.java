package se.samla.deviation.medcontrol.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The contract's {@code CaseUpdate}: only the fields present are changed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseUpdate(
    String status,
    String receivingUnitHsaId,
    RemoteCase.Person handler,
    RemoteCase.Answer answer,
    Instant closedAt,
    String comment) {

  @JsonIgnore
  public boolean isEmpty() {
    return status == null
        && receivingUnitHsaId == null
        && handler == null
        && answer == null
        && closedAt == null
        && comment == null;
  }
}
