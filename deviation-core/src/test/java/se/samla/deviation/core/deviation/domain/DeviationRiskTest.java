package se.samla.deviation.core.deviation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.HANDLER;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.HOME_CARE;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.POLICY;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.REPORTER;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.T0;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.WARD;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.inStatus;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.submitted;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.samla.deviation.core.access.domain.PersonRef;

/**
 * The risk: the reporter's estimate, "not assessed" for a case from MedControl PRO that came
 * without one, and the receiving side's assessment kept beside the estimate.
 */
class DeviationRiskTest {

  static final Instant LATER = T0.plus(Duration.ofDays(1));
  static final RiskAssessment K3S2 = new RiskAssessment(Consequence.SIGNIFICANT, Probability.LOW);
  static final RiskAssessment K4S4 =
      new RiskAssessment(Consequence.CATASTROPHIC, Probability.VERY_HIGH);

  @Test
  void aDeviationRegisteredHereCarriesTheReporterEstimateAsItsRisk() {
    Deviation d = submitted();
    RiskAssessment estimate = new RiskAssessment(Consequence.MODERATE, Probability.HIGH);
    assertThat(d.reporterEstimate()).contains(estimate);
    assertThat(d.handlerAssessment()).isEmpty();
    assertThat(d.risk()).contains(estimate);
    assertThat(d.riskAssessed()).isTrue();
  }

  @Test
  void theReporterEstimateIsRequiredForARegistrationHere() {
    assertThatThrownBy(
            () ->
                Deviation.submit(
                    UUID.randomUUID(), "SAMLA-2026-000002", data(null, null), REPORTER, T0, POLICY))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("consequence");
  }

  @Test
  void aCaseFromMedControlWithoutRiskIsNotAssessed() {
    Deviation d = importedWithoutRisk();
    assertThat(d.reporterEstimate()).isEmpty();
    assertThat(d.handlerAssessment()).isEmpty();
    assertThat(d.risk()).isEmpty();
    assertThat(d.riskAssessed()).isFalse();
  }

  @Test
  void halfACellIsRefused() {
    assertThatThrownBy(
            () ->
                Deviation.importFromMedControl(
                    UUID.randomUUID(),
                    "SAMLA-2026-000003",
                    "MC-3",
                    data(Consequence.MINOR, null),
                    null,
                    null,
                    T0,
                    POLICY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theHandlerAssessesANotAssessedCase() {
    Deviation d = importedWithoutRisk();
    d.pullDomainEvents();

    d.assessRisk(K3S2, "Fel dos kan ge allvarlig skada", HANDLER, LATER);

    assertThat(d.risk()).contains(K3S2);
    assertThat(d.handlerAssessment()).contains(K3S2);
    assertThat(d.reporterEstimate()).isEmpty();
    assertThat(d.riskAssessedAt()).contains(LATER);
    assertThat(d.riskAssessedBy()).contains(HANDLER);
    assertThat(d.status()).isEqualTo(DeviationStatus.SUBMITTED);
    assertThat(d.events())
        .last()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.RISK_ASSESSED);
              assertThat(e.actor()).isEqualTo(HANDLER);
              assertThat(e.visibility()).isEqualTo(Visibility.SHARED);
              assertThat(e.details())
                  .containsEntry("fromCell", "NOT_ASSESSED")
                  .containsEntry("cell", "K3×S2")
                  .containsEntry("consequence", "SIGNIFICANT")
                  .containsEntry("probability", "LOW")
                  .containsEntry("riskLevel", "MEDIUM")
                  .containsEntry("reason", "Fel dos kan ge allvarlig skada");
            });
    assertThat(d.pullDomainEvents())
        .singleElement()
        .extracting(DeviationChanged::type)
        .isEqualTo(DeviationEventType.RISK_ASSESSED);
  }

  @Test
  void reassessingKeepsTheReporterEstimateAndNamesTheCellBefore() {
    Deviation d = inStatus(DeviationStatus.ASSIGNED);
    RiskAssessment estimate = d.reporterEstimate().orElseThrow();

    d.assessRisk(K3S2, "Första bedömningen", HANDLER, LATER);
    d.assessRisk(K4S4, "Patienten avled", HANDLER, LATER.plusSeconds(60));

    assertThat(d.reporterEstimate()).contains(estimate);
    assertThat(d.handlerAssessment()).contains(K4S4);
    assertThat(d.risk()).contains(K4S4);
    assertThat(d.riskAssessedAt()).contains(LATER.plusSeconds(60));
    DeviationEvent first = d.events().get(d.events().size() - 2);
    assertThat(first.details()).containsEntry("fromCell", estimate.cell());
    assertThat(d.events())
        .last()
        .satisfies(
            e ->
                assertThat(e.details())
                    .containsEntry("fromCell", "K3×S2")
                    .containsEntry("cell", "K4×S4")
                    .containsEntry("riskLevel", "VERY_HIGH"));
  }

  @ParameterizedTest
  @EnumSource(
      value = DeviationStatus.class,
      names = {"CLOSED", "WITHDRAWN"})
  void aFinishedDeviationTakesNoAssessment(DeviationStatus status) {
    Deviation d = inStatus(status);
    int events = d.events().size();
    assertThatThrownBy(() -> d.assessRisk(K3S2, "För sent", HANDLER, LATER))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("ASSESS_RISK");
    assertThat(d.handlerAssessment()).isEmpty();
    assertThat(d.events()).hasSize(events);
  }

  @Test
  void anAssessmentNeedsAReason() {
    Deviation d = submitted();
    assertThatThrownBy(() -> d.assessRisk(K3S2, " ", HANDLER, LATER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(d.handlerAssessment()).isEmpty();
  }

  @Test
  void aRiskSetInMedControlBecomesTheHandlerAssessment() {
    Deviation d = submitted();
    RiskAssessment estimate = d.reporterEstimate().orElseThrow();

    boolean changed =
        d.applyMedControlChange(
            new MedControlChange(null, null, false, null, null, null, K4S4), null, LATER, POLICY);

    assertThat(changed).isTrue();
    assertThat(d.reporterEstimate()).contains(estimate);
    assertThat(d.handlerAssessment()).contains(K4S4);
    assertThat(d.riskAssessedBy()).contains(PersonRef.MEDCONTROL);
    assertThat(d.events())
        .last()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.UPDATED_IN_MEDCONTROL);
              assertThat(e.details())
                  .containsEntry("fields", "risk")
                  .containsEntry("fromCell", estimate.cell())
                  .containsEntry("cell", "K4×S4");
            });
  }

  @Test
  void theSameRiskFromMedControlChangesNothing() {
    Deviation d = submitted();
    RiskAssessment estimate = d.reporterEstimate().orElseThrow();
    int events = d.events().size();
    assertThat(
            d.applyMedControlChange(
                new MedControlChange(null, null, false, null, null, null, estimate),
                null,
                LATER,
                POLICY))
        .isFalse();
    assertThat(d.handlerAssessment()).isEmpty();
    assertThat(d.events()).hasSize(events);
  }

  static Deviation importedWithoutRisk() {
    return Deviation.importFromMedControl(
        UUID.randomUUID(), "SAMLA-2026-000004", "MC-4", data(null, null), null, null, T0, POLICY);
  }

  static NewDeviation data(Consequence consequence, Probability probability) {
    return new NewDeviation(
        T0.minus(Duration.ofHours(5)),
        null,
        WARD,
        HOME_CARE,
        "INFORMATION_TRANSFER",
        "Patienten skrevs ut utan läkemedelslista.",
        null,
        consequence,
        probability,
        null,
        null,
        false,
        false);
  }
}
