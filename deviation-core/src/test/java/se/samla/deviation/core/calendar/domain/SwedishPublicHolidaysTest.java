package se.samla.deviation.core.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.samla.deviation.core.calendar.domain.SwedishPublicHolidays.Holiday;

class SwedishPublicHolidaysTest {

  private final SwedishPublicHolidays holidays = new SwedishPublicHolidays();

  @Test
  void holidays2024() {
    assertHolidays(
        2024,
        "2024-01-01 Nyårsdagen",
        "2024-01-06 Trettondedag jul",
        "2024-03-29 Långfredagen",
        "2024-03-31 Påskdagen",
        "2024-04-01 Annandag påsk",
        "2024-05-01 Första maj",
        "2024-05-09 Kristi himmelsfärdsdag",
        "2024-05-19 Pingstdagen",
        "2024-06-06 Sveriges nationaldag",
        "2024-06-21 Midsommarafton",
        "2024-06-22 Midsommardagen",
        "2024-11-02 Alla helgons dag",
        "2024-12-24 Julafton",
        "2024-12-25 Juldagen",
        "2024-12-26 Annandag jul",
        "2024-12-31 Nyårsafton");
  }

  @Test
  void holidays2025() {
    assertHolidays(
        2025,
        "2025-01-01 Nyårsdagen",
        "2025-01-06 Trettondedag jul",
        "2025-04-18 Långfredagen",
        "2025-04-20 Påskdagen",
        "2025-04-21 Annandag påsk",
        "2025-05-01 Första maj",
        "2025-05-29 Kristi himmelsfärdsdag",
        "2025-06-06 Sveriges nationaldag",
        "2025-06-08 Pingstdagen",
        "2025-06-20 Midsommarafton",
        "2025-06-21 Midsommardagen",
        "2025-11-01 Alla helgons dag",
        "2025-12-24 Julafton",
        "2025-12-25 Juldagen",
        "2025-12-26 Annandag jul",
        "2025-12-31 Nyårsafton");
  }

  @Test
  void holidays2026() {
    assertHolidays(
        2026,
        "2026-01-01 Nyårsdagen",
        "2026-01-06 Trettondedag jul",
        "2026-04-03 Långfredagen",
        "2026-04-05 Påskdagen",
        "2026-04-06 Annandag påsk",
        "2026-05-01 Första maj",
        "2026-05-14 Kristi himmelsfärdsdag",
        "2026-05-24 Pingstdagen",
        "2026-06-06 Sveriges nationaldag",
        "2026-06-19 Midsommarafton",
        "2026-06-20 Midsommardagen",
        "2026-10-31 Alla helgons dag",
        "2026-12-24 Julafton",
        "2026-12-25 Juldagen",
        "2026-12-26 Annandag jul",
        "2026-12-31 Nyårsafton");
  }

  @Test
  void holidays2027() {
    assertHolidays(
        2027,
        "2027-01-01 Nyårsdagen",
        "2027-01-06 Trettondedag jul",
        "2027-03-26 Långfredagen",
        "2027-03-28 Påskdagen",
        "2027-03-29 Annandag påsk",
        "2027-05-01 Första maj",
        "2027-05-06 Kristi himmelsfärdsdag",
        "2027-05-16 Pingstdagen",
        "2027-06-06 Sveriges nationaldag",
        "2027-06-25 Midsommarafton",
        "2027-06-26 Midsommardagen",
        "2027-11-06 Alla helgons dag",
        "2027-12-24 Julafton",
        "2027-12-25 Juldagen",
        "2027-12-26 Annandag jul",
        "2027-12-31 Nyårsafton");
  }

  @ParameterizedTest
  @CsvSource({
    "1818, 1818-03-22", // earliest possible
    "1943, 1943-04-25", // latest possible
    "2000, 2000-04-23",
    "2008, 2008-03-23",
    "2011, 2011-04-24",
    "2019, 2019-04-21",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25",
    "2100, 2100-03-28",
  })
  void easterSundayForKnownYears(int year, LocalDate easter) {
    assertThat(SwedishPublicHolidays.easterSunday(year)).isEqualTo(easter);
    assertThat(holidays.isHoliday(easter)).isTrue();
  }

  @Test
  void keepsBothNamesWhenTwoHolidaysShareADate() {
    // Ascension Day fell on 1 May in 2008.
    assertThat(holidays.holidays(2008))
        .filteredOn(holiday -> holiday.date().equals(LocalDate.of(2008, 5, 1)))
        .extracting(Holiday::swedishName)
        .containsExactlyInAnyOrder("Första maj", "Kristi himmelsfärdsdag");
    assertThat(holidays.forYear(2008)).hasSize(15);
  }

  @Test
  void ordinaryDaysAndTheDaysAroundHolidaysAreNotHolidays() {
    assertThat(holidays.isHoliday(LocalDate.of(2026, 4, 2))).as("skärtorsdagen").isFalse();
    assertThat(holidays.isHoliday(LocalDate.of(2026, 4, 4))).as("påskafton").isFalse();
    assertThat(holidays.isHoliday(LocalDate.of(2026, 5, 15))).as("klämdag").isFalse();
    assertThat(holidays.isHoliday(LocalDate.of(2026, 5, 25))).as("annandag pingst").isFalse();
    assertThat(holidays.isHoliday(LocalDate.of(2026, 10, 30))).as("allhelgonaafton").isFalse();
    assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 23))).isFalse();
  }

  @Test
  void midsommarAndAllaHelgonaFollowTheirWeekdayRules() {
    IntStream.rangeClosed(2000, 2100)
        .forEach(
            year -> {
              Map<String, LocalDate> byName = byName(year);
              LocalDate afton = byName.get("Midsommarafton");
              LocalDate dagen = byName.get("Midsommardagen");
              LocalDate allaHelgon = byName.get("Alla helgons dag");
              assertThat(afton.getDayOfWeek()).hasToString("FRIDAY");
              assertThat(afton.getDayOfMonth()).isBetween(19, 25);
              assertThat(dagen).isEqualTo(afton.plusDays(1));
              assertThat(allaHelgon.getDayOfWeek()).hasToString("SATURDAY");
              assertThat(allaHelgon)
                  .isBetween(LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 6));
            });
  }

  @Test
  void cachedPerYearAndSafeToShareAcrossThreads() {
    List<CompletableFuture<List<Holiday>>> futures =
        IntStream.range(0, 16)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> holidays.holidays(2030)))
            .toList();
    List<Holiday> first = futures.get(0).join();
    futures.forEach(future -> assertThat(future.join()).isSameAs(first));
  }

  @Test
  void rejectsYearsBeforeTheGregorianCalendarAndNullDates() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> holidays.forYear(1582))
        .withMessageContaining("1583");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> holidays.isHoliday(null))
        .withMessageContaining("date");
  }

  private void assertHolidays(int year, String... expected) {
    assertThat(holidays.holidays(year))
        .extracting(holiday -> holiday.date() + " " + holiday.swedishName())
        .containsExactly(expected);
    assertThat(holidays.forYear(year)).hasSize(expected.length);
  }

  private Map<String, LocalDate> byName(int year) {
    Map<String, LocalDate> byName = new LinkedHashMap<>();
    holidays.holidays(year).forEach(holiday -> byName.put(holiday.swedishName(), holiday.date()));
    return byName;
  }
}
