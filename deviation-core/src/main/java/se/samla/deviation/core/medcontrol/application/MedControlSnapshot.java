package se.samla.deviation.core.medcontrol.application;

import java.time.Instant;
import java.util.UUID;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.DeviationOrigin;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.MedControlAnswer;

/**
 * A deviation as an external case system (MedControl PRO) needs it, read when it is sent. It
 * carries the patient's number in clear for the transfer; {@code toString} never prints it.
 *
 * @param medControlCategory the category's MedControl PRO classification code
 * @param consequence 0..4, the risk matrix level
 * @param probability 1..4, the risk matrix level
 * @param patientIdentityNumber 12 digits, or null when the deviation carries no patient
 */
public record MedControlSnapshot(
    UUID deviationId,
    String caseNumber,
    long version,
    DeviationOrigin origin,
    DeviationStatus status,
    Instant occurredAt,
    Instant submittedAt,
    String reportingUnitHsaId,
    String receivingUnitHsaId,
    String medControlCategory,
    String description,
    String immediateActions,
    int consequence,
    int probability,
    PersonRef reporter,
    PersonRef handler,
    MedControlAnswer answer,
    Instant closedAt,
    String medControlCaseId,
    String patientIdentityNumber) {

  @Override
  public String toString() {
    return "MedControlSnapshot[deviationId=%s, version=%d, status=%s, caseId=%s]"
        .formatted(deviationId, version, status, medControlCaseId);
  }
}
