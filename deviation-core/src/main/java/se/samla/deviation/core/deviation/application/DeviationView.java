package se.samla.deviation.core.deviation.application;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.DeviationOrigin;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.RiskAssessment;
import se.samla.deviation.core.deviation.domain.RiskLevel;

/**
 * A deviation as one actor may see it: patient revealed or masked, and what they may do next.
 * {@code medControl} is null when the deviation has neither a MedControl PRO case nor a sync state;
 * its state is null when only the case id is known. {@code risk} is the current risk: the receiving
 * side's assessment when there is one, else the reporter's estimate, and null when neither exists
 * (a case from MedControl PRO registered without a risk: "not assessed").
 */
public record DeviationView(
    UUID id,
    String caseNumber,
    long version,
    DeviationStatus status,
    Instant occurredAt,
    Instant discoveredAt,
    Instant submittedAt,
    PersonRef reporter,
    NamedUnit reportingUnit,
    NamedUnit receivingUnit,
    String categoryCode,
    String description,
    String immediateActions,
    RiskView risk,
    RiskView reporterEstimate,
    AssessmentView handlerAssessment,
    String agreementReference,
    boolean possibleLexMaria,
    boolean possibleLexSarah,
    PersonRef handler,
    Instant acknowledgementDueAt,
    Instant answerDueAt,
    boolean overdue,
    AnswerView answer,
    Instant closedAt,
    PatientView patient,
    DeviationOrigin origin,
    MedControlLink medControl,
    Set<DeviationAction> allowedActions) {

  /** Whether there is a risk at all; false means "not assessed". */
  public boolean riskAssessed() {
    return risk != null;
  }

  /** A cell of the risk matrix with what it means. */
  public record RiskView(
      Consequence consequence, Probability probability, RiskLevel level, String cell, int score) {

    /** The view of a cell, or null for none. */
    public static RiskView of(RiskAssessment r) {
      return r == null
          ? null
          : new RiskView(r.consequence(), r.probability(), r.level(), r.cell(), r.score());
    }
  }

  /** The receiving side's assessment, when and by whom it was made. */
  public record AssessmentView(RiskView risk, Instant assessedAt, PersonRef assessedBy) {}

  /** A unit with its name and organisation. */
  public record NamedUnit(
      String hsaId, String name, String organisationHsaId, String organisationName) {}

  /** The answer (återkoppling). */
  public record AnswerView(
      String investigation,
      String causes,
      String measures,
      Instant answeredAt,
      PersonRef answeredBy) {}

  /**
   * The patient as this actor may see it: the full number for those entitled, otherwise masked.
   * {@code toString} never prints the number.
   */
  public record PatientView(String personalIdentityNumber, boolean masked) {
    @Override
    public String toString() {
      return "PatientView[masked=" + masked + "]";
    }
  }
}
