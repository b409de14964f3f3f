package se.samla.deviation.core.deviation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.deviation.domain.DeviationStatus.*;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.HANDLER;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.HOME_CARE;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.POLICY;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.SHORT_TERM;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.T0;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.WARD;
import static se.samla.deviation.core.deviation.domain.DeviationTransitionsTest.inStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.samla.deviation.core.access.domain.PersonRef;

/** Deviations registered in MedControl PRO, and changes made there applied here. */
class DeviationMedControlTest {

  static final Instant LATER = T0.plus(Duration.ofDays(2));
  static final PersonRef REMOTE_REPORTER = new PersonRef("SE9999999001-R9", "Rolf Rapportör");

  // ---- import -------------------------------------------------------------------------------

  @Test
  void anImportedDeviationIsSubmittedLinkedAndRunningItsDeadlines() {
    Instant reportedAt = T0.minus(Duration.ofDays(1));
    Deviation d = imported(REMOTE_REPORTER, reportedAt);

    assertThat(d.status()).isEqualTo(SUBMITTED);
    assertThat(d.origin()).isEqualTo(DeviationOrigin.MEDCONTROL);
    assertThat(d.medControlCaseId()).contains("MC-1");
    assertThat(d.reporter()).isEqualTo(REMOTE_REPORTER);
    assertThat(d.submittedAt()).isEqualTo(reportedAt);
    assertThat(d.acknowledgementDueAt()).isEqualTo(POLICY.acknowledgementDue(reportedAt));
    assertThat(d.answerDueAt()).isEqualTo(POLICY.answerDue(reportedAt));
    assertThat(d.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.IMPORTED_FROM_MEDCONTROL);
              assertThat(e.actor()).isEqualTo(REMOTE_REPORTER);
              assertThat(e.at()).isEqualTo(T0);
              assertThat(e.details()).containsEntry("medControlCaseId", "MC-1");
            });
    assertThat(d.pullDomainEvents())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo(DeviationEventType.IMPORTED_FROM_MEDCONTROL);
              assertThat(c.status()).isEqualTo(SUBMITTED);
              assertThat(c.deviationId()).isEqualTo(d.id());
            });
  }

  @Test
  void anImportWithoutReporterIsByMedControlAndStartsNow() {
    Deviation d = imported(null, null);
    assertThat(d.reporter()).isEqualTo(PersonRef.MEDCONTROL);
    assertThat(d.submittedAt()).isEqualTo(T0);
    assertThat(d.events())
        .singleElement()
        .extracting(DeviationEvent::actor)
        .isEqualTo(PersonRef.MEDCONTROL);
  }

  @Test
  void aDeviationRegisteredHereHasOriginSamverkan() {
    assertThat(DeviationTransitionsTest.submitted().origin()).isEqualTo(DeviationOrigin.SAMVERKAN);
  }

  @Test
  void anImportNeedsTheRemoteCaseId() {
    assertThatThrownBy(
            () ->
                Deviation.importFromMedControl(
                    UUID.randomUUID(), "SAMLA-2026-000002", " ", data(), null, null, T0, POLICY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- remote changes -----------------------------------------------------------------------

  @Test
  void anyStatusMayBeSetAndOneEventNamesTheChangedFields() {
    Deviation d = inStatus(SUBMITTED);
    boolean changed = apply(d, change(ANSWERED), LATER);

    assertThat(changed).isTrue();
    assertThat(d.status()).isEqualTo(ANSWERED);
    assertThat(d.events())
        .hasSize(2)
        .last()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.UPDATED_IN_MEDCONTROL);
              assertThat(e.actor()).isEqualTo(PersonRef.MEDCONTROL);
              assertThat(e.visibility()).isEqualTo(Visibility.SHARED);
              assertThat(e.details())
                  .containsEntry("fields", "status")
                  .containsEntry("fromStatus", "SUBMITTED")
                  .containsEntry("status", "ANSWERED");
            });
    assertThat(d.pullDomainEvents())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo(DeviationEventType.UPDATED_IN_MEDCONTROL);
              assertThat(c.status()).isEqualTo(ANSWERED);
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = DeviationStatus.class,
      names = {"CLOSED", "WITHDRAWN"})
  void aClosedOrWithdrawnDeviationRefusesEveryChange(DeviationStatus finished) {
    Deviation d = inStatus(finished);
    int events = d.events().size();
    Instant closedAt = d.closedAt().orElseThrow();

    assertThatThrownBy(() -> apply(d, change(ASSIGNED), LATER))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining(finished.name())
        .extracting(e -> ((IllegalTransitionException) e).status())
        .isEqualTo(finished);
    assertThatThrownBy(
            () -> apply(d, new MedControlChange(null, HANDLER, false, null, null, null), LATER))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(d.status()).isEqualTo(finished);
    assertThat(d.closedAt()).contains(closedAt);
    assertThat(d.events()).hasSize(events);
    assertThat(d.pullDomainEvents()).isEmpty();
  }

  @Test
  void anEmptyChangeDoesNothing() {
    Deviation d = inStatus(ASSIGNED);
    Instant lastChanged = d.lastChangedAt();
    assertThat(apply(d, new MedControlChange(null, null, false, null, null, null), LATER))
        .isFalse();
    assertThat(d.events()).hasSize(2);
    assertThat(d.lastChangedAt()).isEqualTo(lastChanged);
    assertThat(d.pullDomainEvents()).isEmpty();
  }

  @Test
  void aChangeThatChangesNothingAppendsNoEvent() {
    Deviation d = inStatus(ASSIGNED);
    assertThat(
            apply(
                d,
                new MedControlChange(ASSIGNED, HANDLER, false, null, null, HOME_CARE.hsaId()),
                LATER))
        .isFalse();
    assertThat(d.events()).hasSize(2);
    assertThat(d.pullDomainEvents()).isEmpty();
  }

  @Test
  void anEmptyChangeIsAllowedEvenWhenClosed() {
    Deviation d = inStatus(CLOSED);
    assertThat(apply(d, new MedControlChange(null, null, false, null, null, null), LATER))
        .isFalse();
  }

  @Test
  void enteringInformationRequestedStopsTheAnswerClock() {
    Deviation d = inStatus(ASSIGNED);
    Instant due = d.answerDueAt();
    apply(d, change(INFORMATION_REQUESTED), LATER);

    assertThat(d.status()).isEqualTo(INFORMATION_REQUESTED);
    assertThat(d.pausedAt()).contains(LATER);
    assertThat(d.answerDueAt()).isEqualTo(due);
    assertThat(d.isOverdue(due.plus(Duration.ofDays(30))))
        .as("the clock stands still while waiting for information")
        .isFalse();
  }

  @Test
  void leavingInformationRequestedMovesTheAnswerDeadlineByTheWait() {
    Deviation d = inStatus(INFORMATION_REQUESTED);
    Instant due = d.answerDueAt();
    Instant pausedAt = d.pausedAt().orElseThrow();
    Instant resumed = pausedAt.plus(Duration.ofDays(5));

    apply(d, change(ASSIGNED), resumed);

    assertThat(d.status()).isEqualTo(ASSIGNED);
    assertThat(d.pausedAt()).isEmpty();
    assertThat(d.answerDueAt()).isEqualTo(due.plus(Duration.ofDays(5)));
  }

  @Test
  void aNewReceivingUnitRestartsTheDeadlinesAndDropsTheHandler() {
    Deviation d = inStatus(ASSIGNED);
    apply(d, new MedControlChange(null, null, false, null, null, SHORT_TERM.hsaId()), LATER);

    assertThat(d.receivingUnit()).isEqualTo(SHORT_TERM);
    assertThat(d.handler()).isEmpty();
    assertThat(d.acknowledgementDueAt()).isEqualTo(POLICY.acknowledgementDue(LATER));
    assertThat(d.answerDueAt()).isEqualTo(POLICY.answerDue(LATER));
    assertThat(d.events())
        .last()
        .satisfies(
            e ->
                assertThat(e.details())
                    .containsEntry("fields", "receivingUnit,handler")
                    .containsEntry("fromUnit", HOME_CARE.hsaId())
                    .containsEntry("receivingUnit", SHORT_TERM.hsaId())
                    .containsEntry("handlerCleared", "true"));
  }

  @Test
  void aNewReceivingUnitWhileWaitingForInformationKeepsTheClockStopped() {
    Deviation d = inStatus(INFORMATION_REQUESTED);
    apply(d, new MedControlChange(null, null, false, null, null, SHORT_TERM.hsaId()), LATER);

    assertThat(d.status()).isEqualTo(INFORMATION_REQUESTED);
    assertThat(d.pausedAt()).contains(LATER);
    assertThat(d.isOverdue(LATER.plus(Duration.ofDays(400)))).isFalse();
  }

  @Test
  void theHandlerIsSetAndCleared() {
    Deviation d = inStatus(SUBMITTED);
    PersonRef remoteHandler = new PersonRef("SE9999999002-H7", "Henrik Handläggare");
    apply(d, new MedControlChange(ASSIGNED, remoteHandler, false, null, null, null), LATER);
    assertThat(d.handler()).contains(remoteHandler);
    assertThat(d.events())
        .last()
        .satisfies(
            e ->
                assertThat(e.details())
                    .containsEntry("fields", "status,handler")
                    .containsEntry("handlerHsaId", remoteHandler.hsaId())
                    .containsEntry("handlerName", remoteHandler.name()));

    apply(d, new MedControlChange(null, null, true, null, null, null), LATER.plusSeconds(1));
    assertThat(d.handler()).isEmpty();
    assertThat(d.events())
        .hasSize(3)
        .last()
        .satisfies(e -> assertThat(e.details()).containsEntry("fields", "handler"));
  }

  @Test
  void anAnswerIsByTheHandlerAndNeverCopiedIntoTheTimeline() {
    Deviation d = inStatus(ASSIGNED);
    Instant answeredAt = LATER.minusSeconds(60);
    apply(
        d,
        new MedControlChange(
            ANSWERED,
            null,
            false,
            new MedControlAnswer("Utredd i MedControl", "Rutin saknades", "Ny rutin", answeredAt),
            null,
            null),
        LATER);

    Answer answer = d.answer().orElseThrow();
    assertThat(answer.investigation()).isEqualTo("Utredd i MedControl");
    assertThat(answer.answeredAt()).isEqualTo(answeredAt);
    assertThat(answer.answeredBy()).isEqualTo(HANDLER);
    assertThat(d.events())
        .last()
        .satisfies(
            e ->
                assertThat(e.details())
                    .containsEntry("fields", "status,answer")
                    .doesNotContainValue("Utredd i MedControl"));
  }

  @Test
  void anAnswerWithoutHandlerIsByMedControl() {
    Deviation d = inStatus(SUBMITTED);
    apply(
        d,
        new MedControlChange(
            null, null, false, new MedControlAnswer("U", null, "Å", null), null, null),
        LATER);
    assertThat(d.answer().orElseThrow().answeredBy()).isEqualTo(PersonRef.MEDCONTROL);
    assertThat(d.answer().orElseThrow().answeredAt()).isEqualTo(LATER);
  }

  @Test
  void closingTakesTheRemoteClosingTime() {
    Deviation d = inStatus(ANSWERED);
    Instant closedThere = LATER.minusSeconds(3600);
    apply(d, new MedControlChange(CLOSED, null, false, null, closedThere, null), LATER);
    assertThat(d.status()).isEqualTo(CLOSED);
    assertThat(d.closedAt()).contains(closedThere);
    assertThat(d.events())
        .last()
        .satisfies(e -> assertThat(e.details()).containsEntry("fields", "status,closedAt"));
  }

  @Test
  void aClosingTimeAloneClosesAndAClosingTimeWithAnotherStatusIsRefused() {
    Deviation alone = inStatus(ANSWERED);
    apply(alone, new MedControlChange(null, null, false, null, LATER, null), LATER);
    assertThat(alone.status()).isEqualTo(CLOSED);

    Deviation mixed = inStatus(ANSWERED);
    assertThatThrownBy(
            () ->
                apply(mixed, new MedControlChange(ASSIGNED, null, false, null, LATER, null), LATER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mixed.status()).isEqualTo(ANSWERED);
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Applies the change as the application service does: with the unit it names resolved. */
  static boolean apply(Deviation d, MedControlChange change, Instant at) {
    UnitRef unit =
        java.util.stream.Stream.of(HOME_CARE, SHORT_TERM, WARD)
            .filter(u -> u.hsaId().equals(change.receivingUnitHsaId()))
            .findFirst()
            .orElse(null);
    return d.applyMedControlChange(change, unit, at, POLICY);
  }

  @Test
  void refusesAResolvedUnitOtherThanTheOneTheChangeNames() {
    Deviation d = inStatus(ASSIGNED);
    assertThatThrownBy(
            () ->
                d.applyMedControlChange(
                    new MedControlChange(null, null, false, null, null, SHORT_TERM.hsaId()),
                    HOME_CARE,
                    LATER,
                    POLICY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static MedControlChange change(DeviationStatus status) {
    return new MedControlChange(status, null, false, null, null, null);
  }

  static Deviation imported(PersonRef reporter, Instant reportedAt) {
    return Deviation.importFromMedControl(
        UUID.randomUUID(), "SAMLA-2026-000002", "MC-1", data(), reporter, reportedAt, T0, POLICY);
  }

  static NewDeviation data() {
    return new NewDeviation(
        T0.minus(Duration.ofDays(2)),
        null,
        WARD,
        HOME_CARE,
        "MEDICATION",
        "Fel dos i läkemedelslistan vid utskrivning.",
        null,
        Consequence.SIGNIFICANT,
        Probability.LOW,
        null,
        null,
        false,
        false);
  }
}
