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
 * @param consequence 0..4, the reporter's estimate on the risk matrix; null when the deviation came
 *     from MedControl PRO without a risk
 * @param probability 1..4, with {@code consequence}
 * @param assessedConsequence 0..4, the receiving side's assessment; null until assessed
 * @param assessedProbability 1..4, with {@code assessedConsequence}
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
    Integer consequence,
    Integer probability,
    Integer assessedConsequence,
    Integer assessedProbability,
    PersonRef reporter,
    PersonRef handler,
    MedControlAnswer answer,
    Instant closedAt,
    String medControlCaseId,
    String patientIdentityNumber) {

  /** The current risk's consequence: the assessment when there is one, else the estimate. */
  public Integer currentConsequence() {
    return assessedConsequence != null ? assessedConsequence : consequence;
  }

  /** The current risk's probability, with {@link #currentConsequence()}. */
  public Integer currentProbability() {
    return assessedConsequence != null ? assessedProbability : probability;
  }

  @Override
  public String toString() {
    return "MedControlSnapshot[deviationId=%s, version=%d, status=%s, caseId=%s]"
        .formatted(deviationId, version, status, medControlCaseId);
  }
}
