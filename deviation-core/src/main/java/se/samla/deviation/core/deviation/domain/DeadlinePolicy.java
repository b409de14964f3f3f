package se.samla.deviation.core.deviation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import se.samla.deviation.core.calendar.domain.WorkingDayCalendar;
import se.samla.deviation.core.common.domain.ServiceZone;

/**
 * When a deviation must be acknowledged (assigned) and answered.
 *
 * <p>A deadline is the end of a local date in {@code zone}, that is the following local midnight,
 * so it stays correct across daylight-saving changes.
 *
 * @param acknowledgementWorkingDays working days after the submission date to acknowledge
 * @param answerCalendarDays calendar days after the submission date to answer
 * @param zone the zone in which dates are counted (the service's one zone, {@link ServiceZone})
 * @param calendar which days are working days
 */
public record DeadlinePolicy(
    int acknowledgementWorkingDays,
    int answerCalendarDays,
    ZoneId zone,
    WorkingDayCalendar calendar) {

  public static final int DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS = 5;
  public static final int DEFAULT_ANSWER_CALENDAR_DAYS = 60;

  public DeadlinePolicy {
    if (acknowledgementWorkingDays < 0) {
      throw new IllegalArgumentException(
          "acknowledgementWorkingDays must not be negative, was " + acknowledgementWorkingDays);
    }
    if (answerCalendarDays < 0) {
      throw new IllegalArgumentException(
          "answerCalendarDays must not be negative, was " + answerCalendarDays);
    }
    requireNonNull(zone, "zone");
    requireNonNull(calendar, "calendar");
  }

  /** 5 working days to acknowledge, 60 calendar days to answer, the default service zone. */
  public static DeadlinePolicy defaults() {
    return new DeadlinePolicy(
        DEFAULT_ACKNOWLEDGEMENT_WORKING_DAYS,
        DEFAULT_ANSWER_CALENDAR_DAYS,
        ServiceZone.DEFAULT_ZONE,
        new WorkingDayCalendar());
  }

  /** The end of the N-th working day after the submission's local date. */
  public Instant acknowledgementDue(Instant submittedAt) {
    LocalDate submitted = localDate(submittedAt, "submittedAt");
    return endOf(calendar.addWorkingDays(submitted, acknowledgementWorkingDays));
  }

  /** The end of the local date {@code answerCalendarDays} after the submission's local date. */
  public Instant answerDue(Instant submittedAt) {
    LocalDate submitted = localDate(submittedAt, "submittedAt");
    return endOf(submitted.plusDays(answerCalendarDays));
  }

  /**
   * {@code due} pushed forward by exactly the time between {@code pausedAt} and {@code resumedAt}
   * (the answer clock stops while a deviation waits in INFORMATION_REQUESTED).
   */
  public Instant extendForPause(Instant due, Instant pausedAt, Instant resumedAt) {
    requireNonNull(due, "due");
    requireNonNull(pausedAt, "pausedAt");
    requireNonNull(resumedAt, "resumedAt");
    if (resumedAt.isBefore(pausedAt)) {
      throw new IllegalArgumentException(
          "resumedAt " + resumedAt + " must not be before pausedAt " + pausedAt);
    }
    return due.plus(Duration.between(pausedAt, resumedAt));
  }

  private LocalDate localDate(Instant instant, String name) {
    requireNonNull(instant, name);
    return instant.atZone(zone).toLocalDate();
  }

  private Instant endOf(LocalDate date) {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }
}
