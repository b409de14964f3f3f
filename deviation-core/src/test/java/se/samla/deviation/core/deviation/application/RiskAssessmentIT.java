package se.samla.deviation.core.deviation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.DeviationChanged;
import se.samla.deviation.core.deviation.domain.DeviationEventType;
import se.samla.deviation.core.deviation.domain.IllegalTransitionException;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.RiskLevel;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;

/** The receiving side assesses the risk: who may, what the view and the timeline then show. */
@CoreIntegrationTest
@RecordApplicationEvents
class RiskAssessmentIT {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @Autowired DeviationWorkflow workflow;
  @Autowired DeviationQueries queries;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired ApplicationEvents events;

  Actor reporter;
  Actor handler;

  @BeforeEach
  void setUp() {
    clock.set(NOW);
    TestCare.install(masterData);
    reporter = Personas.wardNurse();
    handler = Personas.homeCareHandlerA();
  }

  @Test
  void theHandlerAssessesAndBothValuesStayVisible() {
    DeviationView registered = workflow.register(aDeviation().build(), reporter);
    assertThat(registered.allowedActions()).doesNotContain(DeviationAction.ASSESS_RISK);
    assertThat(queries.get(registered.id(), handler).allowedActions())
        .contains(DeviationAction.ASSESS_RISK);
    clock.advance(Duration.ofHours(2));

    DeviationView assessed =
        workflow.assessRisk(
            command(registered.id(), "Läkemedelslistan saknades helt", registered.version()),
            handler);

    assertThat(assessed.version()).isEqualTo(registered.version() + 1);
    assertThat(assessed.status()).isEqualTo(registered.status());
    assertThat(assessed.reporterEstimate().cell()).isEqualTo("K2×S3");
    assertThat(assessed.handlerAssessment().risk().cell()).isEqualTo("K4×S2");
    assertThat(assessed.handlerAssessment().assessedAt()).isEqualTo(clock.instant());
    assertThat(assessed.handlerAssessment().assessedBy()).isEqualTo(handler.person());
    assertThat(assessed.risk()).isEqualTo(assessed.handlerAssessment().risk());
    assertThat(assessed.risk().level()).isEqualTo(RiskLevel.HIGH);

    DeviationView seenByReporter = queries.get(registered.id(), reporter);
    assertThat(seenByReporter.reporterEstimate().cell()).isEqualTo("K2×S3");
    assertThat(seenByReporter.handlerAssessment().risk().cell()).isEqualTo("K4×S2");
    assertThat(
            queries.list(DeviationListQuery.of(DeviationListQuery.View.REPORTED), reporter).items())
        .filteredOn(s -> s.id().equals(registered.id()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.riskAssessed()).isTrue();
              assertThat(s.riskLevel()).isEqualTo(RiskLevel.HIGH);
            });

    assertThat(queries.timeline(registered.id(), reporter))
        .last()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.RISK_ASSESSED);
              assertThat(e.by()).isEqualTo(handler.person());
              assertThat(e.details())
                  .containsEntry("fromCell", "K2×S3")
                  .containsEntry("cell", "K4×S2")
                  .containsEntry("reason", "Läkemedelslistan saknades helt");
            });
    assertThat(events.stream(DeviationChanged.class))
        .filteredOn(e -> e.deviationId().equals(registered.id()))
        .extracting(DeviationChanged::type)
        .containsExactly(DeviationEventType.SUBMITTED, DeviationEventType.RISK_ASSESSED);
  }

  @Test
  void handlersOfTheUnitAndCoordinatorsOfTheReceivingOrganisationMayAssess() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    workflow.assessRisk(command(id, "Första bedömningen", null), Personas.secondHomeCareHandlerA());
    DeviationView reassessed =
        workflow.assessRisk(
            new AssessRiskCommand(
                id, Consequence.MINOR, Probability.VERY_LOW, "Omprövad av MAS", null),
            Personas.coordinatorA());
    assertThat(reassessed.risk().cell()).isEqualTo("K1×S1");
    assertThat(reassessed.reporterEstimate().cell()).isEqualTo("K2×S3");
    assertThat(queries.timeline(id, reporter))
        .filteredOn(e -> e.type() == DeviationEventType.RISK_ASSESSED)
        .extracting(e -> e.details().get("fromCell"), e -> e.details().get("cell"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("K2×S3", "K4×S2"),
            org.assertj.core.groups.Tuple.tuple("K4×S2", "K1×S1"));
  }

  @Test
  void theReportingSideMayNotAssessAndOutsidersDoNotSeeTheCase() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    assertThatThrownBy(() -> workflow.assessRisk(command(id, "Jag vill ändra", null), reporter))
        .isInstanceOf(NotPermittedException.class);
    assertThatThrownBy(
            () ->
                workflow.assessRisk(
                    command(id, "Regionen vill ändra", null), Personas.regionCoordinator()))
        .isInstanceOf(NotPermittedException.class);
    assertThatThrownBy(
            () ->
                workflow.assessRisk(
                    command(id, "Inte vår enhet", null), Personas.homeCareHandlerB()))
        .isInstanceOf(NotFoundException.class);
    assertThat(queries.get(id, reporter).handlerAssessment()).isNull();
  }

  @Test
  void aReasonAndACellAreRequired() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    assertThatThrownBy(
            () ->
                workflow.assessRisk(
                    new AssessRiskCommand(id, null, Probability.LOW, "  ", null), handler))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("consequence", "reason"));
    assertThat(queries.get(id, handler).handlerAssessment()).isNull();
  }

  @Test
  void aStaleVersionIsAPreconditionFailureAndAFinishedCaseRefuses() {
    DeviationView registered = workflow.register(aDeviation().build(), reporter);
    assertThatThrownBy(
            () ->
                workflow.assessRisk(
                    command(registered.id(), "Gammal version", registered.version() + 5), handler))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.preconditionFailed()).isTrue());

    workflow.withdraw(new WithdrawDeviationCommand(registered.id(), "Dubblett", null), reporter);
    assertThatThrownBy(
            () -> workflow.assessRisk(command(registered.id(), "För sent", null), handler))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(queries.get(registered.id(), handler).handlerAssessment()).isNull();
  }

  static AssessRiskCommand command(UUID id, String reason, Long expectedVersion) {
    return new AssessRiskCommand(
        id, Consequence.CATASTROPHIC, Probability.LOW, reason, expectedVersion);
  }
}
