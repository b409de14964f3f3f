package se.samla.deviation.core.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Swedish working days: Monday to Friday unless a {@link SwedishPublicHolidays public holiday or de
 * facto holiday}. Thread-safe.
 */
public final class WorkingDayCalendar {

  private final SwedishPublicHolidays holidays;

  public WorkingDayCalendar() {
    this(new SwedishPublicHolidays());
  }

  public WorkingDayCalendar(SwedishPublicHolidays holidays) {
    if (holidays == null) {
      throw new IllegalArgumentException("holidays must not be null");
    }
    this.holidays = holidays;
  }

  public boolean isWorkingDay(LocalDate date) {
    requireDate(date, "date");
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
  }

  /**
   * The {@code n}-th working day after {@code start}, not counting {@code start} itself; {@code n =
   * 0} returns {@code start} unchanged, working day or not.
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    requireDate(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    LocalDate date = start;
    int remaining = n;
    while (remaining > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        remaining--;
      }
    }
    return date;
  }

  /**
   * The number of working days in {@code (fromExclusive, toInclusive]}; 0 when the dates are equal.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    requireDate(fromExclusive, "fromExclusive");
    requireDate(toInclusive, "toInclusive");
    if (toInclusive.isBefore(fromExclusive)) {
      throw new IllegalArgumentException(
          "toInclusive " + toInclusive + " must not be before fromExclusive " + fromExclusive);
    }
    int count = 0;
    for (LocalDate date = fromExclusive.plusDays(1);
        !date.isAfter(toInclusive);
        date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  private static void requireDate(LocalDate date, String name) {
    if (date == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }
}
