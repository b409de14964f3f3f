package se.samla.deviation.web.api.deviation;

import static se.samla.deviation.web.api.Refs.person;
import static se.samla.deviation.web.api.Refs.time;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import se.samla.deviation.core.deviation.application.DeviationSummary;
import se.samla.deviation.core.deviation.application.DeviationView;
import se.samla.deviation.core.deviation.application.MedControlLink;
import se.samla.deviation.core.deviation.application.MedControlSyncState;
import se.samla.deviation.core.deviation.application.TimelineEntry;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.DeviationEventType;
import se.samla.deviation.core.deviation.domain.DeviationOrigin;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.RiskLevel;
import se.samla.deviation.core.deviation.domain.Visibility;
import se.samla.deviation.web.api.Refs.Named;

/**
 * The JSON shapes of deviations (contract: deviation-api.md), mapped from core's views. The flat
 * {@code consequence}, {@code probability}, {@code riskLevel}, {@code riskCell} and {@code
 * riskScore} are the current risk (the receiving side's assessment when there is one, else the
 * reporter's estimate); all null with {@code riskAssessed: false} when the risk is not assessed.
 */
final class DeviationResponses {

  private DeviationResponses() {}

  record DeviationResponse(
      UUID id,
      String caseNumber,
      long version,
      DeviationStatus status,
      DeviationOrigin origin,
      OffsetDateTime occurredAt,
      OffsetDateTime discoveredAt,
      OffsetDateTime submittedAt,
      Named reporter,
      UnitRef reportingUnit,
      UnitRef receivingUnit,
      String categoryCode,
      String description,
      String immediateActions,
      Consequence consequence,
      Probability probability,
      RiskLevel riskLevel,
      String riskCell,
      Integer riskScore,
      boolean riskAssessed,
      RiskResponse reporterEstimate,
      RiskAssessmentResponse handlerAssessment,
      String agreementReference,
      boolean possibleLexMaria,
      boolean possibleLexSarah,
      Named handler,
      OffsetDateTime acknowledgementDueAt,
      OffsetDateTime answerDueAt,
      boolean overdue,
      AnswerResponse answer,
      OffsetDateTime closedAt,
      PatientResponse patient,
      MedControlResponse medControl,
      Set<DeviationAction> allowedActions) {}

  record UnitRef(String hsaId, String name, Named organisation) {}

  /** A cell of the risk matrix. */
  record RiskResponse(
      Consequence consequence, Probability probability, RiskLevel level, String cell, int score) {
    static RiskResponse of(DeviationView.RiskView r) {
      return r == null
          ? null
          : new RiskResponse(r.consequence(), r.probability(), r.level(), r.cell(), r.score());
    }
  }

  /** The receiving side's assessment, with when and by whom. */
  record RiskAssessmentResponse(
      Consequence consequence,
      Probability probability,
      RiskLevel level,
      String cell,
      int score,
      OffsetDateTime assessedAt,
      Named assessedBy) {
    static RiskAssessmentResponse of(DeviationView.AssessmentView a) {
      return a == null
          ? null
          : new RiskAssessmentResponse(
              a.risk().consequence(),
              a.risk().probability(),
              a.risk().level(),
              a.risk().cell(),
              a.risk().score(),
              time(a.assessedAt()),
              person(a.assessedBy()));
    }
  }

  record AnswerResponse(
      String investigation,
      String causes,
      String measures,
      OffsetDateTime answeredAt,
      Named answeredBy) {}

  /** The number in full for those entitled, otherwise masked ({@code masked: true}). */
  record PatientResponse(String personalIdentityNumber, boolean masked) {
    @Override
    public String toString() {
      return "PatientResponse[masked=" + masked + "]";
    }
  }

  /** The link to MedControl PRO; null when there is neither a case id nor a sync state. */
  record MedControlResponse(
      String caseId, MedControlSyncState syncState, OffsetDateTime lastSyncedAt) {
    static MedControlResponse of(MedControlLink s) {
      return s == null || (s.caseId() == null && s.state() == null)
          ? null
          : new MedControlResponse(s.caseId(), s.state(), time(s.lastSyncedAt()));
    }
  }

  record SummaryResponse(
      UUID id,
      String caseNumber,
      DeviationStatus status,
      OffsetDateTime submittedAt,
      UnitRef reportingUnit,
      UnitRef receivingUnit,
      String categoryCode,
      RiskLevel riskLevel,
      boolean riskAssessed,
      Named handler,
      OffsetDateTime acknowledgementDueAt,
      OffsetDateTime answerDueAt,
      boolean overdue,
      boolean hasPatient) {}

  record TimelineResponse(
      int sequenceNo,
      DeviationEventType type,
      OffsetDateTime at,
      Named by,
      Visibility visibility,
      Map<String, String> details) {}

  static DeviationResponse of(DeviationView v) {
    return new DeviationResponse(
        v.id(),
        v.caseNumber(),
        v.version(),
        v.status(),
        v.origin(),
        time(v.occurredAt()),
        time(v.discoveredAt()),
        time(v.submittedAt()),
        person(v.reporter()),
        unit(v.reportingUnit()),
        unit(v.receivingUnit()),
        v.categoryCode(),
        v.description(),
        v.immediateActions(),
        v.risk() == null ? null : v.risk().consequence(),
        v.risk() == null ? null : v.risk().probability(),
        v.risk() == null ? null : v.risk().level(),
        v.risk() == null ? null : v.risk().cell(),
        v.risk() == null ? null : v.risk().score(),
        v.riskAssessed(),
        RiskResponse.of(v.reporterEstimate()),
        RiskAssessmentResponse.of(v.handlerAssessment()),
        v.agreementReference(),
        v.possibleLexMaria(),
        v.possibleLexSarah(),
        person(v.handler()),
        time(v.acknowledgementDueAt()),
        time(v.answerDueAt()),
        v.overdue(),
        v.answer() == null
            ? null
            : new AnswerResponse(
                v.answer().investigation(),
                v.answer().causes(),
                v.answer().measures(),
                time(v.answer().answeredAt()),
                person(v.answer().answeredBy())),
        time(v.closedAt()),
        v.patient() == null
            ? null
            : new PatientResponse(v.patient().personalIdentityNumber(), v.patient().masked()),
        MedControlResponse.of(v.medControl()),
        new TreeSet<>(v.allowedActions()));
  }

  static SummaryResponse of(DeviationSummary s) {
    return new SummaryResponse(
        s.id(),
        s.caseNumber(),
        s.status(),
        time(s.submittedAt()),
        unit(s.reportingUnit()),
        unit(s.receivingUnit()),
        s.categoryCode(),
        s.riskLevel(),
        s.riskAssessed(),
        person(s.handler()),
        time(s.acknowledgementDueAt()),
        time(s.answerDueAt()),
        s.overdue(),
        s.hasPatient());
  }

  static TimelineResponse of(TimelineEntry e) {
    return new TimelineResponse(
        e.sequenceNo(), e.type(), time(e.at()), person(e.by()), e.visibility(), e.details());
  }

  private static UnitRef unit(DeviationView.NamedUnit u) {
    return u == null
        ? null
        : new UnitRef(u.hsaId(), u.name(), new Named(u.organisationHsaId(), u.organisationName()));
  }
}
