package se.samla.deviation.medcontrol.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The contract's {@code CaseCreate}. {@code toString} leaves the patient's number out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseCreate(
    String sourceSystem,
    String sourceReference,
    String caseNumber,
    Instant occurredAt,
    Instant reportedAt,
    String reportingUnitHsaId,
    String receivingUnitHsaId,
    String category,
    String description,
    String immediateActions,
    Integer consequence,
    Integer probability,
    String patientIdentityNumber,
    RemoteCase.Person reporter) {

  @Override
  public String toString() {
    return "CaseCreate[sourceReference=%s, caseNumber=%s]".formatted(sourceReference, caseNumber);
  }
}
