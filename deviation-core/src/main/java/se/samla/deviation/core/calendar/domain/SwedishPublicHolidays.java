package se.samla.deviation.core.calendar.domain;

import static java.time.temporal.TemporalAdjusters.nextOrSame;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swedish public holidays (allmänna helgdagar, lag 1989:253) plus the eves that Swedish working
 * life treats as holidays (midsommarafton, julafton, nyårsafton).
 *
 * <p>The current rules are applied to every year; historical changes (for example nationaldagen
 * becoming a holiday in 2005, annandag pingst ceasing to be one) are not modelled. Results are
 * cached per year; instances are thread-safe.
 */
public final class SwedishPublicHolidays {

  /** The first year of the Gregorian calendar, for which the Easter algorithm is valid. */
  private static final int FIRST_GREGORIAN_YEAR = 1583;

  private final Map<Integer, YearHolidays> cache = new ConcurrentHashMap<>();

  /** One holiday (or de facto holiday) with its Swedish name, for display and tests. */
  public record Holiday(LocalDate date, String swedishName) {
    public Holiday {
      if (date == null || swedishName == null || swedishName.isBlank()) {
        throw new IllegalArgumentException("date and swedishName are required");
      }
    }
  }

  /** All holidays of the year ordered by date; two may share a date (e.g. 1 May 2008). */
  public List<Holiday> holidays(int year) {
    return year(year).holidays();
  }

  /** The dates of all holidays of the year. */
  public Set<LocalDate> forYear(int year) {
    return year(year).dates();
  }

  public boolean isHoliday(LocalDate date) {
    if (date == null) {
      throw new IllegalArgumentException("date must not be null");
    }
    return forYear(date.getYear()).contains(date);
  }

  private YearHolidays year(int year) {
    if (year < FIRST_GREGORIAN_YEAR) {
      throw new IllegalArgumentException(
          "year must be " + FIRST_GREGORIAN_YEAR + " or later, was " + year);
    }
    return cache.computeIfAbsent(year, SwedishPublicHolidays::compute);
  }

  private record YearHolidays(List<Holiday> holidays, Set<LocalDate> dates) {}

  /** Easter Sunday by the Anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static YearHolidays compute(int year) {
    LocalDate easter = easterSunday(year);
    LocalDate midsommardagen =
        LocalDate.of(year, Month.JUNE, 20).with(nextOrSame(DayOfWeek.SATURDAY));
    List<Holiday> list = new ArrayList<>();
    list.add(new Holiday(LocalDate.of(year, Month.JANUARY, 1), "Nyårsdagen"));
    list.add(new Holiday(LocalDate.of(year, Month.JANUARY, 6), "Trettondedag jul"));
    list.add(new Holiday(easter.minusDays(2), "Långfredagen"));
    list.add(new Holiday(easter, "Påskdagen"));
    list.add(new Holiday(easter.plusDays(1), "Annandag påsk"));
    list.add(new Holiday(LocalDate.of(year, Month.MAY, 1), "Första maj"));
    list.add(new Holiday(easter.plusDays(39), "Kristi himmelsfärdsdag"));
    list.add(new Holiday(easter.plusDays(49), "Pingstdagen"));
    list.add(new Holiday(LocalDate.of(year, Month.JUNE, 6), "Sveriges nationaldag"));
    list.add(new Holiday(midsommardagen.minusDays(1), "Midsommarafton"));
    list.add(new Holiday(midsommardagen, "Midsommardagen"));
    list.add(
        new Holiday(
            LocalDate.of(year, Month.OCTOBER, 31).with(nextOrSame(DayOfWeek.SATURDAY)),
            "Alla helgons dag"));
    list.add(new Holiday(LocalDate.of(year, Month.DECEMBER, 24), "Julafton"));
    list.add(new Holiday(LocalDate.of(year, Month.DECEMBER, 25), "Juldagen"));
    list.add(new Holiday(LocalDate.of(year, Month.DECEMBER, 26), "Annandag jul"));
    list.add(new Holiday(LocalDate.of(year, Month.DECEMBER, 31), "Nyårsafton"));
    list.sort(Comparator.comparing(Holiday::date));
    Set<LocalDate> dates = new HashSet<>();
    list.forEach(holiday -> dates.add(holiday.date()));
    return new YearHolidays(List.copyOf(list), Set.copyOf(dates));
  }
}
