package se.samla.deviation.core.deviation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.deviation.domain.DeviationStatus.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.samla.deviation.core.access.domain.PersonRef;

/**
 * Every action from every status: the allowed ones lead where the diagram in
 * docs/architecture.md#workflow says, every other one is refused and changes nothing. The expected
 * table is written out here on purpose, independent of {@link Deviation#allowedFrom}.
 */
class DeviationTransitionsTest {

  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  static final PersonRef REPORTER = new PersonRef("SE9999999001-R1", "Sara Sjuksköterska");
  static final PersonRef HANDLER = new PersonRef("SE9999999002-H1", "Karin Handläggare");
  static final UnitRef WARD = new UnitRef("SE9999999001-U01", "SE9999999001-ORG");
  static final UnitRef HOME_CARE = new UnitRef("SE9999999002-U01", "SE9999999002-ORG");
  static final UnitRef SHORT_TERM = new UnitRef("SE9999999002-U02", "SE9999999002-ORG");
  static final DeadlinePolicy POLICY = DeadlinePolicy.defaults();

  /** action → (from status → resulting status). */
  static final Map<DeviationAction, Map<DeviationStatus, DeviationStatus>> DIAGRAM =
      new EnumMap<>(DeviationAction.class);

  static {
    allow(DeviationAction.ASSIGN, SUBMITTED, ASSIGNED);
    allow(DeviationAction.ASSIGN, ASSIGNED, ASSIGNED);
    allow(DeviationAction.FORWARD, SUBMITTED, SUBMITTED);
    allow(DeviationAction.FORWARD, ASSIGNED, SUBMITTED);
    allow(DeviationAction.RETURN, SUBMITTED, RETURNED);
    allow(DeviationAction.RETURN, ASSIGNED, RETURNED);
    allow(DeviationAction.REQUEST_INFORMATION, ASSIGNED, INFORMATION_REQUESTED);
    allow(DeviationAction.SUPPLY_INFORMATION, INFORMATION_REQUESTED, ASSIGNED);
    allow(DeviationAction.ANSWER, ASSIGNED, ANSWERED);
    allow(DeviationAction.ACCEPT, ANSWERED, CLOSED);
    allow(DeviationAction.DISPUTE, ANSWERED, ASSIGNED);
    allow(DeviationAction.WITHDRAW, SUBMITTED, WITHDRAWN);
    allow(DeviationAction.WITHDRAW, RETURNED, WITHDRAWN);
    allow(DeviationAction.RESUBMIT, RETURNED, SUBMITTED);
    for (DeviationStatus open :
        List.of(SUBMITTED, ASSIGNED, INFORMATION_REQUESTED, ANSWERED, RETURNED)) {
      allow(DeviationAction.COMMENT, open, open);
      allow(DeviationAction.COMMENT_INTERNAL, open, open);
      allow(DeviationAction.ASSESS_RISK, open, open);
    }
  }

  static void allow(DeviationAction action, DeviationStatus from, DeviationStatus to) {
    DIAGRAM.computeIfAbsent(action, a -> new EnumMap<>(DeviationStatus.class)).put(from, to);
  }

  static Stream<Arguments> everyActionFromEveryStatus() {
    List<Arguments> all = new ArrayList<>();
    for (DeviationAction action : DeviationAction.values()) {
      for (DeviationStatus status : DeviationStatus.values()) {
        all.add(Arguments.of(action, status));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("everyActionFromEveryStatus")
  void followsTheDiagram(DeviationAction action, DeviationStatus from) {
    Deviation d = inStatus(from);
    int eventsBefore = d.events().size();
    long changedBefore = d.lastChangedAt().toEpochMilli();
    DeviationStatus expected = DIAGRAM.getOrDefault(action, Map.of()).get(from);

    if (expected == null) {
      assertThatThrownBy(() -> perform(action, d))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining(action.name())
          .hasMessageContaining(from.name());
      assertThat(d.status()).isEqualTo(from);
      assertThat(d.events()).hasSize(eventsBefore);
      assertThat(d.lastChangedAt().toEpochMilli()).isEqualTo(changedBefore);
    } else {
      perform(action, d);
      assertThat(d.status()).isEqualTo(expected);
      assertThat(d.events()).hasSize(eventsBefore + 1);
      assertThat(d.pullDomainEvents())
          .last()
          .extracting(DeviationChanged::status)
          .isEqualTo(expected);
    }
  }

  @Test
  void allowedFromMatchesTheDiagram() {
    for (DeviationAction action : DeviationAction.values()) {
      assertThat(Deviation.allowedFrom(action))
          .as(action.name())
          .containsExactlyInAnyOrderElementsOf(DIAGRAM.get(action).keySet());
    }
  }

  @Test
  void submissionStartsTheClockAndTheTimeline() {
    Deviation d = submitted();
    assertThat(d.status()).isEqualTo(SUBMITTED);
    assertThat(d.submittedAt()).isEqualTo(T0);
    assertThat(d.acknowledgementDueAt()).isEqualTo(POLICY.acknowledgementDue(T0));
    assertThat(d.answerDueAt()).isEqualTo(POLICY.answerDue(T0));
    assertThat(d.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.SUBMITTED);
              assertThat(e.actor()).isEqualTo(REPORTER);
              assertThat(e.sequenceNo()).isEqualTo(1);
            });
    assertThat(d.pullDomainEvents())
        .singleElement()
        .extracting(DeviationChanged::type)
        .isEqualTo(DeviationEventType.SUBMITTED);
    assertThat(d.pullDomainEvents()).as("pulled events are handed out once").isEmpty();
  }

  @Test
  void reassigningRecordsAReassignment() {
    Deviation d = inStatus(ASSIGNED);
    PersonRef other = new PersonRef("SE9999999002-H2", "Kalle");
    d.assign(other, HANDLER, T0.plusSeconds(60));
    assertThat(d.handler()).contains(other);
    assertThat(d.events())
        .last()
        .extracting(DeviationEvent::type)
        .isEqualTo(DeviationEventType.REASSIGNED);
  }

  @Test
  void forwardingMovesTheCaseAndRestartsItsDeadlines() {
    Deviation d = inStatus(ASSIGNED);
    Instant later = T0.plus(Duration.ofDays(3));
    d.forward(SHORT_TERM, "Korttidsboendet ansvarade", HANDLER, later, POLICY);
    assertThat(d.receivingUnit()).isEqualTo(SHORT_TERM);
    assertThat(d.handler()).isEmpty();
    assertThat(d.acknowledgementDueAt()).isEqualTo(POLICY.acknowledgementDue(later));
    assertThat(d.events())
        .last()
        .satisfies(
            e ->
                assertThat(e.details())
                    .containsEntry("fromUnit", HOME_CARE.hsaId())
                    .containsEntry("toUnit", SHORT_TERM.hsaId()));
  }

  @Test
  void forwardingToTheSameUnitIsRefused() {
    Deviation d = submitted();
    assertThatThrownBy(() -> d.forward(HOME_CARE, "samma", HANDLER, T0, POLICY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(d.events()).hasSize(1);
  }

  @Test
  void waitingForInformationStopsTheAnswerClock() {
    Deviation d = inStatus(ASSIGNED);
    Instant due = d.answerDueAt();
    Instant asked = T0.plus(Duration.ofDays(10));
    d.requestInformation("Vilken dag skrevs patienten ut?", HANDLER, asked);
    d.supplyInformation("Den 19 november.", REPORTER, asked.plus(Duration.ofDays(4)), POLICY);
    assertThat(d.answerDueAt()).isEqualTo(due.plus(Duration.ofDays(4)));
  }

  @Test
  void overdueFollowsTheDeadlines() {
    Deviation d = submitted();
    assertThat(d.isOverdue(d.acknowledgementDueAt())).isFalse();
    assertThat(d.isOverdue(d.acknowledgementDueAt().plusSeconds(1))).isTrue();
    d.assign(HANDLER, HANDLER, T0.plusSeconds(1));
    assertThat(d.isOverdue(d.acknowledgementDueAt().plusSeconds(1)))
        .as("assigned: only the answer deadline counts")
        .isFalse();
    assertThat(d.isOverdue(d.answerDueAt().plusSeconds(1))).isTrue();
    d.requestInformation("?", HANDLER, T0.plus(Duration.ofDays(1)));
    assertThat(d.isOverdue(d.answerDueAt().plus(Duration.ofDays(30))))
        .as("the clock stands still while waiting for information")
        .isFalse();
  }

  @Test
  void autoCloseWaitsForTheConfiguredDays() {
    Deviation d = inStatus(ANSWERED);
    Instant answeredAt = d.answer().orElseThrow().answeredAt();
    assertThatThrownBy(() -> d.autoClose(answeredAt.plus(Duration.ofDays(29)), 30))
        .isInstanceOf(IllegalStateException.class);
    d.autoClose(answeredAt.plus(Duration.ofDays(30)), 30);
    assertThat(d.status()).isEqualTo(CLOSED);
    assertThat(d.closedAt()).contains(answeredAt.plus(Duration.ofDays(30)));
    assertThat(d.events())
        .last()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(DeviationEventType.AUTO_CLOSED);
              assertThat(e.actor()).isEqualTo(PersonRef.SYSTEM);
            });
  }

  @Test
  void autoCloseOnlyClosesAnsweredDeviations() {
    Deviation d = inStatus(ASSIGNED);
    assertThatThrownBy(() -> d.autoClose(T0.plus(Duration.ofDays(400)), 30))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void internalCommentsAreMarkedInternal() {
    Deviation d = submitted();
    d.comment("Internt: kolla med nattpersonalen", Visibility.INTERNAL, HANDLER, T0);
    assertThat(d.events())
        .last()
        .extracting(DeviationEvent::visibility)
        .isEqualTo(Visibility.INTERNAL);
  }

  // ---- building deviations in every status ----------------------------------------------------

  static Deviation submitted() {
    NewDeviation data =
        new NewDeviation(
            T0.minus(Duration.ofHours(5)),
            T0.minus(Duration.ofHours(4)),
            WARD,
            HOME_CARE,
            "INFORMATION_TRANSFER",
            "Patienten skrevs ut utan läkemedelslista.",
            null,
            Consequence.MODERATE,
            Probability.HIGH,
            null,
            null,
            false,
            false);
    return Deviation.submit(UUID.randomUUID(), "SAMLA-2026-000001", data, REPORTER, T0, POLICY);
  }

  static Deviation inStatus(DeviationStatus status) {
    Deviation d = submitted();
    Instant t = T0.plusSeconds(10);
    switch (status) {
      case SUBMITTED -> {}
      case ASSIGNED -> d.assign(HANDLER, HANDLER, t);
      case INFORMATION_REQUESTED -> {
        d.assign(HANDLER, HANDLER, t);
        d.requestInformation("Vilken avdelning?", HANDLER, t.plusSeconds(1));
      }
      case ANSWERED -> {
        d.assign(HANDLER, HANDLER, t);
        d.answer("Utredning", "Orsak", "Åtgärd", HANDLER, t.plusSeconds(1));
      }
      case CLOSED -> {
        d.assign(HANDLER, HANDLER, t);
        d.answer("Utredning", "Orsak", "Åtgärd", HANDLER, t.plusSeconds(1));
        d.accept(REPORTER, t.plusSeconds(2));
      }
      case RETURNED -> d.returnToReporter("Inte vår enhet", HANDLER, t);
      case WITHDRAWN -> d.withdraw("Felregistrerad", REPORTER, t);
    }
    assertThat(d.status()).isEqualTo(status);
    d.pullDomainEvents();
    return d;
  }

  static void perform(DeviationAction action, Deviation d) {
    Instant t = T0.plus(Duration.ofDays(1));
    switch (action) {
      case ASSIGN -> d.assign(HANDLER, HANDLER, t);
      case FORWARD -> d.forward(SHORT_TERM, "Fel enhet", HANDLER, t, POLICY);
      case RETURN -> d.returnToReporter("Inte en avvikelse i samverkan", HANDLER, t);
      case REQUEST_INFORMATION -> d.requestInformation("Vilken dag?", HANDLER, t);
      case SUPPLY_INFORMATION -> d.supplyInformation("Tisdag", REPORTER, t, POLICY);
      case ANSWER -> d.answer("Utredning", "Orsak", "Åtgärd", HANDLER, t);
      case ACCEPT -> d.accept(REPORTER, t);
      case DISPUTE -> d.dispute("Svaret saknar åtgärd", REPORTER, t);
      case WITHDRAW -> d.withdraw("Dubblett", REPORTER, t);
      case RESUBMIT -> d.resubmit(null, "Kompletterad", REPORTER, t, POLICY);
      case COMMENT -> d.comment("En kommentar", Visibility.SHARED, REPORTER, t);
      case COMMENT_INTERNAL -> d.comment("Intern anteckning", Visibility.INTERNAL, HANDLER, t);
      case ASSESS_RISK ->
          d.assessRisk(
              new RiskAssessment(Consequence.SIGNIFICANT, Probability.LOW),
              "Bedömd vid genomgång",
              HANDLER,
              t);
    }
  }
}
