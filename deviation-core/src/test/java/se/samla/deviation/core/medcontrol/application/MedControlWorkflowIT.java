package se.samla.deviation.core.medcontrol.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.audit.domain.PatientAccessLogEntry;
import se.samla.deviation.core.audit.infrastructure.PatientAccessLog;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.application.AnswerDeviationCommand;
import se.samla.deviation.core.deviation.application.AssessRiskCommand;
import se.samla.deviation.core.deviation.application.AssignDeviationCommand;
import se.samla.deviation.core.deviation.application.DeviationQueries;
import se.samla.deviation.core.deviation.application.DeviationView;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.deviation.application.MedControlLink;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.DeviationChanged;
import se.samla.deviation.core.deviation.domain.DeviationEventType;
import se.samla.deviation.core.deviation.domain.DeviationOrigin;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.IllegalTransitionException;
import se.samla.deviation.core.deviation.domain.MedControlAnswer;
import se.samla.deviation.core.deviation.domain.MedControlChange;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.Visibility;
import se.samla.deviation.core.deviation.infrastructure.Deviations;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;

/** The port the MedControl PRO integration uses, on the real schema. */
@CoreIntegrationTest
@RecordApplicationEvents
class MedControlWorkflowIT {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final PersonRef REMOTE_REPORTER = new PersonRef("SE9999999001-R0042", "Rolf Rapportör");

  @Autowired MedControlWorkflow exchange;
  @Autowired DeviationWorkflow workflow;
  @Autowired DeviationQueries queries;
  @Autowired Deviations deviations;
  @Autowired PatientAccessLog accessLog;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationEvents events;

  Actor reporter;

  @BeforeEach
  void setUp() {
    clock.set(NOW);
    TestCare.install(masterData);
    reporter = Personas.wardNurse();
  }

  // ---- snapshot -----------------------------------------------------------------------------

  @Test
  void aSnapshotCarriesEveryFieldAndTheTransferIsInTheAccessLog() {
    UUID id =
        workflow
            .register(aDeviation().patient(TestPatients.TOLVAN_TOLVANSSON).build(), reporter)
            .id();
    Actor handler = Personas.homeCareHandlerA();
    workflow.assign(new AssignDeviationCommand(id, null, null), handler);
    clock.advance(Duration.ofHours(1));
    workflow.answer(
        new AnswerDeviationCommand(id, "Utredning gjord", "Rutinen följdes inte", "Ny rutin", null),
        handler);
    clock.advance(Duration.ofHours(1));

    MedControlSnapshot s = exchange.snapshot(id).orElseThrow();

    assertThat(s.deviationId()).isEqualTo(id);
    assertThat(s.caseNumber()).matches("SAMLA-2026-\\d{6}");
    assertThat(s.version()).isEqualTo(deviations.findById(id).orElseThrow().version());
    assertThat(s.origin()).isEqualTo(DeviationOrigin.SAMVERKAN);
    assertThat(s.status()).isEqualTo(DeviationStatus.ANSWERED);
    assertThat(s.occurredAt()).isEqualTo(Instant.parse("2026-11-20T13:30:00Z"));
    assertThat(s.submittedAt()).isEqualTo(NOW);
    assertThat(s.reportingUnitHsaId()).isEqualTo(TestCare.WARD);
    assertThat(s.receivingUnitHsaId()).isEqualTo(TestCare.HOME_CARE_A);
    assertThat(s.medControlCategory()).isEqualTo("SAM-01");
    assertThat(s.description()).startsWith("Patienten skrevs ut");
    assertThat(s.immediateActions()).startsWith("Ringde avdelningen");
    assertThat(s.consequence()).isEqualTo(2);
    assertThat(s.probability()).isEqualTo(3);
    assertThat(s.reporter()).isEqualTo(reporter.person());
    assertThat(s.handler()).isEqualTo(handler.person());
    assertThat(s.answer())
        .isEqualTo(
            new MedControlAnswer(
                "Utredning gjord",
                "Rutinen följdes inte",
                "Ny rutin",
                NOW.plus(Duration.ofHours(1))));
    assertThat(s.closedAt()).isNull();
    assertThat(s.medControlCaseId()).isNull();
    assertThat(s.patientIdentityNumber()).isEqualTo("191212121212");
    assertThat(s.toString()).doesNotContain("191212121212").doesNotContain("19121212");

    List<PatientAccessLogEntry> log = accessLog.findByDeviationIdOrderByAccessedAt(id);
    assertThat(log)
        .last()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(PatientAccessLogEntry.Action.TRANSFER_MEDCONTROL);
              assertThat(e.actorHsaId()).isEqualTo(PersonRef.MEDCONTROL.hsaId());
              assertThat(e.accessedAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
              assertThat(e.revealed()).isTrue();
              assertThat(e.patientPseudonym()).matches("[0-9a-f]{64}");
            });
  }

  @Test
  void aSnapshotWithoutPatientLogsNothingAndAnUnknownIdIsEmpty() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    assertThat(exchange.snapshot(id).orElseThrow().patientIdentityNumber()).isNull();
    assertThat(accessLog.findByDeviationIdOrderByAccessedAt(id)).isEmpty();
    assertThat(exchange.snapshot(UUID.randomUUID())).isEmpty();
  }

  // ---- link ---------------------------------------------------------------------------------

  @Test
  void linkingKeepsTheVersionIsIdempotentAndRefusesAnotherCase() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    long version = versionOf(id);
    String caseId = newCaseId();

    exchange.linkMedControlCase(id, caseId);
    exchange.linkMedControlCase(id, caseId);

    assertThat(versionOf(id)).isEqualTo(version);
    assertThat(exchange.deviationFor(caseId)).contains(id);
    assertThatThrownBy(() -> exchange.linkMedControlCase(id, newCaseId()))
        .isInstanceOf(IllegalStateException.class);
    UUID other = workflow.register(aDeviation().build(), reporter).id();
    assertThatThrownBy(() -> exchange.linkMedControlCase(other, caseId))
        .isInstanceOf(IllegalStateException.class);
    assertThat(exchange.deviationFor(caseId)).contains(id);
    assertThat(exchange.deviationFor(newCaseId())).isEmpty();
  }

  @Test
  void aPersonEditingAtTheSameTimeGetsNoConflictAndDoesNotEraseTheLink() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    String caseId = newCaseId();

    transaction.executeWithoutResult(
        tx -> {
          Deviation loaded = deviations.findById(id).orElseThrow();
          CompletableFuture.runAsync(() -> exchange.linkMedControlCase(id, caseId)).join();
          loaded.comment("Kommentar under länkningen", Visibility.SHARED, reporter.person(), NOW);
          deviations.flush();
        });

    assertThat(
            jdbc.queryForObject(
                "select medcontrol_case_id from deviation where id = ?", String.class, id))
        .isEqualTo(caseId);
    assertThat(versionOf(id)).isEqualTo(1);
    DeviationView view = queries.get(id, reporter);
    assertThat(view.medControl()).isEqualTo(new MedControlLink(caseId, null, null));
    assertThat(view.origin()).isEqualTo(DeviationOrigin.SAMVERKAN);
  }

  // ---- register -----------------------------------------------------------------------------

  @Test
  void aRemoteCaseBecomesADeviationOnceHoweverOftenItIsImported() {
    String caseId = newCaseId();
    Instant reportedAt = NOW.minus(Duration.ofDays(1));
    MedControlRegistration registration = registration(caseId, reportedAt, 3, 2);

    MedControlSnapshot first = exchange.registerFromMedControl(registration);
    MedControlSnapshot again = exchange.registerFromMedControl(registration);

    assertThat(again.deviationId()).isEqualTo(first.deviationId());
    assertThat(rowsFor(caseId)).isEqualTo(1);
    assertThat(first.origin()).isEqualTo(DeviationOrigin.MEDCONTROL);
    assertThat(first.status()).isEqualTo(DeviationStatus.SUBMITTED);
    assertThat(first.medControlCaseId()).isEqualTo(caseId);
    assertThat(first.medControlCategory()).isEqualTo("SAM-04");
    assertThat(first.consequence()).isEqualTo(3);
    assertThat(first.probability()).isEqualTo(2);
    assertThat(first.reporter()).isEqualTo(REMOTE_REPORTER);
    assertThat(first.submittedAt()).isEqualTo(reportedAt);
    assertThat(first.patientIdentityNumber()).isNull(); // not revealed for the reply
    assertThat(exchange.snapshot(first.deviationId()).orElseThrow().patientIdentityNumber())
        .isEqualTo("191212121212");
    assertThat(first.caseNumber()).matches("SAMLA-2026-\\d{6}");

    Deviation stored = deviations.findById(first.deviationId()).orElseThrow();
    assertThat(stored.categoryCode()).isEqualTo("MEDICATION");
    assertThat(stored.patient()).isPresent();
    assertThat(
            jdbc.queryForObject(
                "select type from deviation_event where deviation_id = ?",
                String.class,
                first.deviationId()))
        .isEqualTo("IMPORTED_FROM_MEDCONTROL");
    assertThat(events.stream(DeviationChanged.class))
        .filteredOn(c -> c.deviationId().equals(first.deviationId()))
        .singleElement()
        .extracting(DeviationChanged::type)
        .isEqualTo(DeviationEventType.IMPORTED_FROM_MEDCONTROL);

    DeviationView view = queries.get(first.deviationId(), Personas.homeCareHandlerA());
    assertThat(view.origin()).isEqualTo(DeviationOrigin.MEDCONTROL);
    assertThat(view.medControl().caseId()).isEqualTo(caseId);
    assertThat(view.medControl().state()).isNull();
  }

  @Test
  void twoImportersOfTheSameCaseAtOnceMakeOneDeviation() throws Exception {
    String caseId = newCaseId();
    MedControlRegistration registration = registration(caseId, null, 2, 2);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<UUID>> importers =
        List.of(1, 2).stream()
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          await(start);
                          return exchange.registerFromMedControl(registration).deviationId();
                        }))
            .toList();
    start.countDown();

    assertThat(importers.get(0).get()).isEqualTo(importers.get(1).get());
    assertThat(rowsFor(caseId)).isEqualTo(1);
  }

  @Test
  void anUnmappableCaseIsRejectedNamingEachFieldAndNothingIsStored() {
    String caseId = newCaseId();
    MedControlRegistration bad =
        new MedControlRegistration(
            caseId,
            NOW.minus(Duration.ofDays(2)),
            NOW,
            "SE9999999009-U99",
            "SE9999999009-U98",
            "SAM-77",
            "Fel dos i läkemedelslistan vid utskrivning.",
            null,
            null,
            null,
            null,
            "19121212-1213");

    assertThatThrownBy(() -> exchange.registerFromMedControl(bad))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(FieldError::field, FieldError::code)
                  .containsExactlyInAnyOrder(
                      org.assertj.core.groups.Tuple.tuple("reportingUnitHsaId", "unknown"),
                      org.assertj.core.groups.Tuple.tuple("receivingUnitHsaId", "unknown"),
                      org.assertj.core.groups.Tuple.tuple("category", "unknown"),
                      org.assertj.core.groups.Tuple.tuple("patientIdentityNumber", "CHECK_DIGIT"));
              assertThat(e.getMessage()).doesNotContain("19121212").doesNotContain("SAM-77");
            });
    assertThat(rowsFor(caseId)).isZero();
    assertThat(exchange.deviationFor(caseId)).isEmpty();
  }

  @Test
  void aCaseWithoutRiskIsImportedNotAssessedForTheHandlersToAssess() {
    MedControlSnapshot imported =
        exchange.registerFromMedControl(registration(newCaseId(), null, null, null));

    assertThat(imported.consequence()).isNull();
    assertThat(imported.probability()).isNull();
    assertThat(imported.currentConsequence()).isNull();
    Actor handler = Personas.homeCareHandlerA();
    DeviationView view = queries.get(imported.deviationId(), handler);
    assertThat(view.riskAssessed()).isFalse();
    assertThat(view.risk()).isNull();
    assertThat(view.reporterEstimate()).isNull();
    assertThat(view.allowedActions()).contains(DeviationAction.ASSESS_RISK);

    DeviationView assessed =
        workflow.assessRisk(
            new AssessRiskCommand(
                imported.deviationId(),
                Consequence.SIGNIFICANT,
                Probability.HIGH,
                "Fel dos till en skör patient",
                view.version()),
            handler);
    assertThat(assessed.risk().cell()).isEqualTo("K3×S3");
    MedControlSnapshot after =
        exchange.snapshotWithoutPatient(imported.deviationId()).orElseThrow();
    assertThat(after.consequence()).as("no reporter estimate").isNull();
    assertThat(after.assessedConsequence()).isEqualTo(3);
    assertThat(after.currentProbability()).isEqualTo(3);
  }

  @Test
  void halfARiskIsImportedNotAssessed() {
    MedControlSnapshot imported =
        exchange.registerFromMedControl(registration(newCaseId(), null, 2, null));
    assertThat(imported.consequence()).isNull();
    assertThat(imported.probability()).isNull();
    assertThat(rowsFor(imported.medControlCaseId())).isOne();
  }

  @Test
  void aRiskLevelOutOfRangeIsRejected() {
    MedControlRegistration bad = registration(newCaseId(), null, 7, 2);
    assertThatThrownBy(() -> exchange.registerFromMedControl(bad))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .isEqualTo(
                        new FieldError(
                            "consequence", "range", "the consequence level must be 0..4")));
    assertThat(rowsFor(bad.medControlCaseId())).isZero();
  }

  // ---- apply --------------------------------------------------------------------------------

  @Test
  void aStaleVersionIsAConflict() {
    MedControlSnapshot imported =
        exchange.registerFromMedControl(registration(newCaseId(), null, 2, 2));
    MedControlChange change =
        new MedControlChange(DeviationStatus.ASSIGNED, null, false, null, null, null);

    assertThatThrownBy(
            () ->
                exchange.applyFromMedControl(
                    imported.deviationId(), imported.version() + 1, change))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.preconditionFailed()).isTrue());
    assertThat(versionOf(imported.deviationId())).isEqualTo(imported.version());
  }

  @Test
  void applyingARemoteChangeStoresItAndPublishesDeviationChanged() {
    MedControlSnapshot imported =
        exchange.registerFromMedControl(registration(newCaseId(), null, 2, 2));
    PersonRef remoteHandler =
        new PersonRef(TestCare.HOME_CARE_A_HANDLER, "Karin Kommunhandläggare");
    clock.advance(Duration.ofHours(3));

    MedControlSnapshot after =
        exchange.applyFromMedControl(
            imported.deviationId(),
            imported.version(),
            new MedControlChange(DeviationStatus.ASSIGNED, remoteHandler, false, null, null, null));

    assertThat(after.version()).isEqualTo(imported.version() + 1);
    assertThat(after.status()).isEqualTo(DeviationStatus.ASSIGNED);
    assertThat(after.handler()).isEqualTo(remoteHandler);
    assertThat(events.stream(DeviationChanged.class))
        .filteredOn(c -> c.deviationId().equals(imported.deviationId()))
        .extracting(DeviationChanged::type, DeviationChanged::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                DeviationEventType.IMPORTED_FROM_MEDCONTROL, DeviationStatus.SUBMITTED),
            org.assertj.core.groups.Tuple.tuple(
                DeviationEventType.UPDATED_IN_MEDCONTROL, DeviationStatus.ASSIGNED));
    assertThat(queries.timeline(imported.deviationId(), Personas.homeCareHandlerA()))
        .last()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.UPDATED_IN_MEDCONTROL);
              assertThat(e.by()).isEqualTo(PersonRef.MEDCONTROL);
              assertThat(e.details()).containsEntry("fields", "status,handler");
            });
  }

  @Test
  void anEmptyChangeKeepsTheVersion() {
    MedControlSnapshot imported =
        exchange.registerFromMedControl(registration(newCaseId(), null, 2, 2));
    MedControlSnapshot after =
        exchange.applyFromMedControl(
            imported.deviationId(),
            imported.version(),
            new MedControlChange(null, null, false, null, null, null));
    assertThat(after.version()).isEqualTo(imported.version());
  }

  @Test
  void anUnknownReceivingUnitIsRejectedAndAClosedDeviationRefusesChanges() {
    MedControlSnapshot imported =
        exchange.registerFromMedControl(registration(newCaseId(), null, 2, 2));
    UUID id = imported.deviationId();

    assertThatThrownBy(
            () ->
                exchange.applyFromMedControl(
                    id,
                    imported.version(),
                    new MedControlChange(null, null, false, null, null, "SE9999999009-U99")))
        .isInstanceOfSatisfying(
            ValidationFailedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("receivingUnitHsaId"));

    MedControlSnapshot moved =
        exchange.applyFromMedControl(
            id,
            imported.version(),
            new MedControlChange(null, null, false, null, null, TestCare.SHORT_TERM_A));
    assertThat(moved.receivingUnitHsaId()).isEqualTo(TestCare.SHORT_TERM_A);

    MedControlSnapshot closed =
        exchange.applyFromMedControl(
            id,
            moved.version(),
            new MedControlChange(DeviationStatus.CLOSED, null, false, null, NOW, null));
    assertThat(closed.closedAt()).isEqualTo(NOW);
    assertThatThrownBy(
            () ->
                exchange.applyFromMedControl(
                    id,
                    closed.version(),
                    new MedControlChange(DeviationStatus.ASSIGNED, null, false, null, null, null)))
        .isInstanceOf(IllegalTransitionException.class);
  }

  // ---- helpers ------------------------------------------------------------------------------

  @Test
  void controlCharactersInARemoteCaseAreDroppedAndTheCaseStillArrives() {
    MedControlRegistration r = registration(newCaseId(), null, 2, 2);
    MedControlRegistration withNul =
        new MedControlRegistration(
            r.medControlCaseId(),
            r.occurredAt(),
            r.reportedAt(),
            r.reportingUnitHsaId(),
            r.receivingUnitHsaId(),
            r.medControlCategory(),
            "Fel dos\u0000 i listan.\u001B",
            "Ringde\ravdelningen.",
            r.consequence(),
            r.probability(),
            r.reporter(),
            r.patientIdentityNumber());

    MedControlSnapshot imported = exchange.registerFromMedControl(withNul);

    assertThat(imported.description()).isEqualTo("Fel dos i listan.");
    assertThat(imported.immediateActions()).isEqualTo("Ringde\navdelningen.");
  }

  static MedControlRegistration registration(
      String caseId, Instant reportedAt, Integer consequence, Integer probability) {
    return new MedControlRegistration(
        caseId,
        NOW.minus(Duration.ofDays(2)),
        reportedAt,
        TestCare.WARD,
        TestCare.HOME_CARE_A,
        "SAM-04",
        "Fel dos i läkemedelslistan vid utskrivning.",
        "Ringde avdelningen.",
        consequence,
        probability,
        REMOTE_REPORTER,
        TestPatients.TOLVAN_TOLVANSSON);
  }

  static String newCaseId() {
    return "MC-" + UUID.randomUUID();
  }

  long versionOf(UUID id) {
    return jdbc.queryForObject("select version from deviation where id = ?", Long.class, id);
  }

  int rowsFor(String caseId) {
    return jdbc.queryForObject(
        "select count(*) from deviation where medcontrol_case_id = ?", Integer.class, caseId);
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
