package se.samla.deviation.core.deviation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import se.samla.deviation.core.calendar.domain.WorkingDayCalendar;

class DeadlinePolicyTest {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final DeadlinePolicy policy = DeadlinePolicy.defaults();
  private final Instant due = Instant.parse("2026-03-10T23:00:00Z");

  @Test
  void defaults() {
    assertThat(policy.acknowledgementWorkingDays()).isEqualTo(5);
    assertThat(policy.answerCalendarDays()).isEqualTo(60);
    assertThat(policy.zone()).isEqualTo(STOCKHOLM);
  }

  @Test
  void acknowledgementDue_isTheEndOfTheFifthWorkingDayAcrossTheSpringDaylightSavingChange() {
    // Wednesday; the clocks go forward on Sunday 2026-03-29.
    Instant due = policy.acknowledgementDue(local("2026-03-25T10:00"));

    assertLocalMidnightEnding(due, LocalDate.of(2026, 4, 1));
    assertThat(due).isEqualTo(Instant.parse("2026-04-01T22:00:00Z"));
  }

  @Test
  void acknowledgementDue_isTheEndOfTheFifthWorkingDayAcrossTheAutumnDaylightSavingChange() {
    // Thursday; the clocks go back on Sunday 2026-10-25.
    Instant due = policy.acknowledgementDue(local("2026-10-22T14:00"));

    assertLocalMidnightEnding(due, LocalDate.of(2026, 10, 29));
    assertThat(due).isEqualTo(Instant.parse("2026-10-29T23:00:00Z"));
  }

  @Test
  void acknowledgementDue_skipsEasterChristmasAndNewYear() {
    assertLocalMidnightEnding(
        policy.acknowledgementDue(local("2026-04-02T09:00")), LocalDate.of(2026, 4, 13));
    assertLocalMidnightEnding(
        policy.acknowledgementDue(local("2026-12-22T09:00")), LocalDate.of(2027, 1, 4));
  }

  @Test
  void acknowledgementDue_countsFromTheLocalDateNotTheUtcDate() {
    // Both instants are on 2026-05-11 in UTC but on different dates in Stockholm.
    Instant lateMonday = local("2026-05-11T23:30");
    Instant earlyTuesday = local("2026-05-12T00:30");
    assertThat(lateMonday).isEqualTo(Instant.parse("2026-05-11T21:30:00Z"));
    assertThat(earlyTuesday).isEqualTo(Instant.parse("2026-05-11T22:30:00Z"));

    assertLocalMidnightEnding(policy.acknowledgementDue(lateMonday), LocalDate.of(2026, 5, 19));
    assertLocalMidnightEnding(policy.acknowledgementDue(earlyTuesday), LocalDate.of(2026, 5, 20));
  }

  @Test
  void acknowledgementDue_zeroWorkingDaysMeansTheEndOfTheSubmissionDate() {
    DeadlinePolicy sameDay = new DeadlinePolicy(0, 60, STOCKHOLM, new WorkingDayCalendar());

    assertLocalMidnightEnding(
        sameDay.acknowledgementDue(local("2026-03-29T12:00")), LocalDate.of(2026, 3, 29));
  }

  @Test
  void answerDue_endsOnTheShortDayWhenTheClocksGoForward() {
    Instant due = policy.answerDue(local("2026-01-28T15:00"));

    assertLocalMidnightEnding(due, LocalDate.of(2026, 3, 29));
    assertThat(due).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
  }

  @Test
  void answerDue_endsOnTheLongDayWhenTheClocksGoBack() {
    Instant due = policy.answerDue(local("2026-08-26T15:00"));

    assertLocalMidnightEnding(due, LocalDate.of(2026, 10, 25));
    assertThat(due).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
  }

  @Test
  void answerDue_crossesTheYearEnd() {
    assertLocalMidnightEnding(
        policy.answerDue(local("2026-11-15T08:00")), LocalDate.of(2027, 1, 14));
  }

  @Test
  void answerDue_countsFromTheLocalDate() {
    assertLocalMidnightEnding(
        policy.answerDue(local("2026-05-11T23:30")), LocalDate.of(2026, 7, 10));
    assertLocalMidnightEnding(
        policy.answerDue(local("2026-05-12T00:30")), LocalDate.of(2026, 7, 11));
  }

  @Test
  void answerDue_usesTheConfiguredZone() {
    DeadlinePolicy utc = new DeadlinePolicy(5, 60, ZoneId.of("UTC"), new WorkingDayCalendar());

    assertThat(utc.answerDue(Instant.parse("2026-05-11T22:30:00Z")))
        .isEqualTo(Instant.parse("2026-07-11T00:00:00Z"));
  }

  @Test
  void extendForPause_addsExactlyThePausedDuration() {
    Instant pausedAt = Instant.parse("2026-03-01T10:00:00Z");
    Instant resumedAt = Instant.parse("2026-03-04T12:30:15Z");

    assertThat(policy.extendForPause(due, pausedAt, resumedAt))
        .isEqualTo(due.plus(Duration.ofDays(3).plusHours(2).plusMinutes(30).plusSeconds(15)))
        .isEqualTo(Instant.parse("2026-03-14T01:30:15Z"));
  }

  @Test
  void extendForPause_addsElapsedTimeNotCalendarDaysAcrossADaylightSavingChange() {
    // Midnight to midnight across 2026-03-29 is 47 hours, not 48.
    Instant pausedAt = local("2026-03-28T00:00");
    Instant resumedAt = local("2026-03-30T00:00");

    assertThat(policy.extendForPause(due, pausedAt, resumedAt))
        .isEqualTo(due.plus(Duration.ofHours(47)));
  }

  @Test
  void extendForPause_zeroPauseLeavesTheDueTimeUnchanged() {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");

    assertThat(policy.extendForPause(due, at, at)).isEqualTo(due);
  }

  @Test
  void extendForPause_rejectsResumptionBeforeThePause() {
    Instant pausedAt = Instant.parse("2026-03-01T10:00:00Z");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy.extendForPause(due, pausedAt, pausedAt.minusSeconds(1)))
        .withMessageContaining("resumedAt")
        .withMessageContaining("must not be before pausedAt");
  }

  @Test
  void extendForPause_rejectsMissingInstants() {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy.extendForPause(null, at, at))
        .withMessage("due must not be null");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy.extendForPause(due, null, at))
        .withMessage("pausedAt must not be null");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy.extendForPause(due, at, null))
        .withMessage("resumedAt must not be null");
  }

  @Test
  void rejectsInvalidConfigurationAndInput() {
    WorkingDayCalendar calendar = new WorkingDayCalendar();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DeadlinePolicy(-1, 60, STOCKHOLM, calendar))
        .withMessage("acknowledgementWorkingDays must not be negative, was -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DeadlinePolicy(5, -1, STOCKHOLM, calendar))
        .withMessage("answerCalendarDays must not be negative, was -1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DeadlinePolicy(5, 60, null, calendar))
        .withMessage("zone must not be null");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DeadlinePolicy(5, 60, STOCKHOLM, null))
        .withMessage("calendar must not be null");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy.acknowledgementDue(null))
        .withMessage("submittedAt must not be null");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> policy.answerDue(null))
        .withMessage("submittedAt must not be null");
  }

  private static Instant local(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(STOCKHOLM).toInstant();
  }

  /** The instant is local midnight in Stockholm at the end of {@code lastDay}. */
  private static void assertLocalMidnightEnding(Instant due, LocalDate lastDay) {
    ZonedDateTime local = due.atZone(STOCKHOLM);
    assertThat(local.getHour()).as("hour of %s", local).isZero();
    assertThat(local.getMinute()).as("minute of %s", local).isZero();
    assertThat(local.getSecond()).as("second of %s", local).isZero();
    assertThat(local.toLocalDate()).as("date of %s", local).isEqualTo(lastDay.plusDays(1));
  }
}
