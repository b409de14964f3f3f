package se.samla.deviation.core.deviation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.DeviationChanged;
import se.samla.deviation.core.deviation.domain.DeviationEventType;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.IllegalTransitionException;
import se.samla.deviation.core.deviation.domain.Visibility;
import se.samla.deviation.core.deviation.infrastructure.Deviations;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;

@CoreIntegrationTest
@RecordApplicationEvents
class DeviationWorkflowIT {

  @Autowired DeviationWorkflow workflow;
  @Autowired DeviationQueries queries;
  @Autowired Deviations deviations;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEvents events;

  Actor reporter;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    TestCare.install(masterData);
    reporter = Personas.wardNurse();
  }

  @Test
  void aRegisteredDeviationPersistsWithItsTimelineAndEncryptedPatient() {
    DeviationView registered =
        workflow.register(aDeviation().patient(TestPatients.TOLVAN_TOLVANSSON).build(), reporter);

    assertThat(registered.caseNumber()).matches("SAMLA-2026-\\d{6}");
    assertThat(registered.status()).isEqualTo(DeviationStatus.SUBMITTED);
    assertThat(registered.reportingUnit().hsaId()).isEqualTo(TestCare.WARD);
    assertThat(registered.reportingUnit().organisationName()).isEqualTo("Testregionen");
    assertThat(registered.receivingUnit().name()).isEqualTo("Hemsjukvården A");
    assertThat(registered.risk().cell()).isEqualTo("K2×S3");
    assertThat(registered.reporterEstimate()).isEqualTo(registered.risk());
    assertThat(registered.handlerAssessment()).isNull();
    assertThat(registered.patient().personalIdentityNumber()).isEqualTo("19121212-1212");
    assertThat(registered.patient().masked()).isFalse();

    DeviationView reloaded = queries.get(registered.id(), reporter);
    assertThat(reloaded)
        .usingRecursiveComparison()
        .ignoringFields("allowedActions")
        .isEqualTo(registered);
    assertThat(queries.timeline(registered.id(), reporter))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.SUBMITTED);
              assertThat(e.by()).isEqualTo(reporter.person());
            });

    byte[] stored =
        jdbc.queryForObject(
            "select patient_ciphertext from deviation where id = ?", byte[].class, registered.id());
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("191212121212")
        .doesNotContain("19121212");
    assertThat(events.stream(DeviationChanged.class))
        .extracting(DeviationChanged::deviationId, DeviationChanged::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(registered.id(), DeviationEventType.SUBMITTED));
  }

  @Test
  void theWholeWorkflowAcrossOrganisations() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    Actor handler = Personas.homeCareHandlerA();

    DeviationView assigned = workflow.assign(new AssignDeviationCommand(id, null, null), handler);
    assertThat(assigned.handler()).isEqualTo(handler.person());
    workflow.requestInformation(
        new RequestInformationCommand(id, "Vilket datum skrevs patienten ut?", null), handler);
    clock.advance(java.time.Duration.ofDays(2));
    workflow.supplyInformation(
        new SupplyInformationCommand(id, "Den 19 november.", null), reporter);
    workflow.comment(
        new CommentDeviationCommand(
            id, "Ska stämma av med nattpersonal", Visibility.INTERNAL, null),
        handler);
    DeviationView answered =
        workflow.answer(
            new AnswerDeviationCommand(
                id, "Vi har gått igenom rutinen.", "Rutinen var okänd.", "Ny checklista.", null),
            handler);
    assertThat(answered.answer().answeredBy()).isEqualTo(handler.person());
    DeviationView closed = workflow.accept(new AcceptAnswerCommand(id, null), reporter);

    assertThat(closed.status()).isEqualTo(DeviationStatus.CLOSED);
    assertThat(closed.closedAt()).isEqualTo(clock.instant());
    assertThat(closed.allowedActions()).isEmpty();
    assertThat(queries.timeline(id, handler))
        .extracting(TimelineEntry::type)
        .containsExactly(
            DeviationEventType.SUBMITTED,
            DeviationEventType.ASSIGNED,
            DeviationEventType.INFORMATION_REQUESTED,
            DeviationEventType.INFORMATION_SUPPLIED,
            DeviationEventType.COMMENTED,
            DeviationEventType.ANSWERED,
            DeviationEventType.ACCEPTED);
    assertThat(queries.timeline(id, reporter))
        .as("the internal comment is hidden from the reporting side")
        .extracting(TimelineEntry::type)
        .doesNotContain(DeviationEventType.COMMENTED);
    assertThat(events.stream(DeviationChanged.class).filter(e -> e.deviationId().equals(id)))
        .hasSize(7);
  }

  @Test
  void aStaleExpectedVersionIsRefusedAndChangesNothing() {
    DeviationView registered = workflow.register(aDeviation().build(), reporter);
    workflow.assign(
        new AssignDeviationCommand(registered.id(), null, 0L), Personas.homeCareHandlerA());

    assertThatThrownBy(
            () ->
                workflow.returnToReporter(
                    new ReturnDeviationCommand(registered.id(), "Fel enhet", 0L),
                    Personas.homeCareHandlerA()))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.preconditionFailed()).isTrue());
    assertThat(queries.get(registered.id(), reporter).status()).isEqualTo(DeviationStatus.ASSIGNED);
  }

  @Test
  void aConcurrentChangeBecomesAVersionConflict() throws Exception {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    Actor handler = Personas.homeCareHandlerA();

    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    tx -> {
                      deviations.findById(id).orElseThrow(); // this transaction now holds version 0
                      CompletableFuture.runAsync(
                              () ->
                                  workflow.comment(
                                      new CommentDeviationCommand(
                                          id, "Först!", Visibility.SHARED, null),
                                      reporter))
                          .join();
                      workflow.assign(new AssignDeviationCommand(id, null, null), handler);
                    }))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.preconditionFailed()).isFalse());

    DeviationView after = queries.get(id, reporter);
    assertThat(after.status()).isEqualTo(DeviationStatus.SUBMITTED);
    assertThat(after.version()).isEqualTo(1);
    assertThat(queries.timeline(id, reporter))
        .extracting(TimelineEntry::type)
        .containsExactly(DeviationEventType.SUBMITTED, DeviationEventType.COMMENTED);
  }

  @Test
  void whoMayNotSeeGetsNotFoundAndWhoMayNotActGetsNotPermitted() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();

    assertThatThrownBy(() -> queries.get(id, Personas.homeCareHandlerB()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                workflow.assign(
                    new AssignDeviationCommand(id, null, null), Personas.coordinatorB()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> workflow.assign(new AssignDeviationCommand(id, null, null), reporter))
        .isInstanceOf(NotPermittedException.class);
    assertThatThrownBy(() -> workflow.accept(new AcceptAnswerCommand(id, null), reporter))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(queries.get(id, reporter).version()).isZero();
  }

  @Test
  void onlyHandlersOfTheReceivingUnitCanBeAssigned() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    assertThatThrownBy(
            () ->
                workflow.assign(
                    new AssignDeviationCommand(id, TestCare.HOME_CARE_B_HANDLER, null),
                    Personas.coordinatorA()))
        .isInstanceOfSatisfying(
            se.samla.deviation.core.common.application.ValidationFailedException.class,
            e -> assertThat(e.errors()).extracting("field").containsExactly("handlerHsaId"));
    DeviationView assigned =
        workflow.assign(
            new AssignDeviationCommand(id, TestCare.HOME_CARE_A_SECOND_HANDLER, null),
            Personas.coordinatorA());
    assertThat(assigned.handler().hsaId()).isEqualTo(TestCare.HOME_CARE_A_SECOND_HANDLER);
  }

  @Test
  void forwardingHandsTheCaseToTheNewUnitOnly() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    workflow.forward(
        new ForwardDeviationCommand(id, TestCare.HOME_CARE_B, "Patienten bor i kommun B", null),
        Personas.homeCareHandlerA());

    assertThat(queries.get(id, Personas.homeCareHandlerB()).receivingUnit().hsaId())
        .isEqualTo(TestCare.HOME_CARE_B);
    assertThatThrownBy(() -> queries.get(id, Personas.homeCareHandlerA()))
        .isInstanceOf(NotFoundException.class);
  }
}
