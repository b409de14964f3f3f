package se.samla.deviation.core.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = new WorkingDayCalendar();

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
    // across a weekend
    "2026-03-13, 1, 2026-03-16",
    "2026-03-13, 5, 2026-03-20",
    "2026-03-14, 1, 2026-03-16",
    // skärtorsdagen: långfredagen, the weekend and annandag påsk are skipped
    "2026-04-02, 1, 2026-04-07",
    "2026-04-02, 5, 2026-04-13",
    // Kristi himmelsfärdsdag (Thursday) is skipped, the Friday after is a working day
    "2026-05-11, 5, 2026-05-19",
    "2026-05-13, 1, 2026-05-15",
    // Christmas and new year: julafton to annandag jul, nyårsafton and nyårsdagen are skipped
    "2026-12-22, 5, 2027-01-04",
    // ... and trettondedag jul as well
    "2026-12-30, 5, 2027-01-11",
    // midsommarafton
    "2026-06-18, 1, 2026-06-22",
  })
  void addsWorkingDays(LocalDate start, int n, LocalDate expected) {
    assertThat(calendar.addWorkingDays(start, n)).isEqualTo(expected);
    assertThat(calendar.workingDaysBetween(start, expected)).isEqualTo(n);
  }

  @Test
  void zeroWorkingDaysReturnsTheStartEvenOnAHoliday() {
    LocalDate langfredagen = LocalDate.of(2026, 4, 3);
    assertThat(calendar.addWorkingDays(langfredagen, 0)).isEqualTo(langfredagen);
  }

  @Test
  void weekendsAndHolidaysAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 13))).as("Friday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 14))).as("Saturday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 15))).as("Sunday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Ascension").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 19))).as("midsommarafton").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).as("julafton").isFalse();
  }

  @Test
  void countsTheWorkingDaysOf2026() {
    // 261 weekdays minus 10 holidays that fall on a weekday.
    assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
        .isEqualTo(251);
  }

  @Test
  void workingDaysBetweenExcludesTheStartAndIncludesTheEnd() {
    LocalDate monday = LocalDate.of(2026, 3, 9);
    assertThat(calendar.workingDaysBetween(monday, monday)).isZero();
    assertThat(calendar.workingDaysBetween(monday, monday.plusDays(1))).isEqualTo(1);
    assertThat(calendar.workingDaysBetween(monday.minusDays(1), monday)).isEqualTo(1);
  }

  @Test
  void addAndCountAreInversesThroughoutAYear() {
    for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
      LocalDate due = calendar.addWorkingDays(day, 5);
      assertThat(calendar.isWorkingDay(due)).as("due for %s", day).isTrue();
      assertThat(calendar.workingDaysBetween(day, due)).as("count for %s", day).isEqualTo(5);
    }
  }

  @Test
  void rejectsInvalidArguments() {
    LocalDate day = LocalDate.of(2026, 3, 9);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> calendar.addWorkingDays(day, -1))
        .withMessageContaining("n must not be negative");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> calendar.addWorkingDays(null, 1))
        .withMessageContaining("start");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> calendar.workingDaysBetween(day, day.minusDays(1)))
        .withMessageContaining("must not be before");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> calendar.isWorkingDay(null))
        .withMessageContaining("date");
    assertThatIllegalArgumentException().isThrownBy(() -> new WorkingDayCalendar(null));
  }
}
