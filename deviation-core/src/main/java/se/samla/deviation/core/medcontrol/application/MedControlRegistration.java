package se.samla.deviation.core.medcontrol.application;

import java.time.Instant;
import se.samla.deviation.core.access.domain.PersonRef;

/**
 * A case registered directly in MedControl PRO that concerns one of our units, to become a
 * deviation here. {@code toString} never prints the patient's number.
 *
 * @param medControlCategory the remote classification code, mapped to one of our categories
 * @param consequence 0..4 or null when the remote case has none
 * @param probability 1..4 or null when the remote case has none
 * @param reporter the remote reporter, or null when the case names none
 * @param patientIdentityNumber the number as MedControl PRO gives it, or null
 */
public record MedControlRegistration(
    String medControlCaseId,
    Instant occurredAt,
    Instant reportedAt,
    String reportingUnitHsaId,
    String receivingUnitHsaId,
    String medControlCategory,
    String description,
    String immediateActions,
    Integer consequence,
    Integer probability,
    PersonRef reporter,
    String patientIdentityNumber) {

  @Override
  public String toString() {
    return "MedControlRegistration[medControlCaseId=%s]".formatted(medControlCaseId);
  }
}
