package se.samla.deviation.core.patient.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samla.deviation.core.patient.domain.InvalidPersonalIdentityNumberException.Reason;

/**
 * A Swedish personnummer or samordningsnummer (coordination number), validated and held in its
 * 12-digit form {@code YYYYMMDDNNNC}.
 *
 * <p>{@link #toString()} returns the {@linkplain #masked() masked} form only, so the number cannot
 * leak through string concatenation into logs or messages.
 */
public final class PersonalIdentityNumber {

  /** Day-of-month offset Skatteverket adds to the birth day in a samordningsnummer. */
  private static final int COORDINATION_DAY_OFFSET = 60;

  private static final Pattern INPUT = Pattern.compile("(\\d{2})?(\\d{6})([-+]?)(\\d{4})");
  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

  private final String normalized;
  private final LocalDate birthDate;

  private PersonalIdentityNumber(String normalized, LocalDate birthDate) {
    this.normalized = normalized;
    this.birthDate = birthDate;
  }

  /**
   * Parses a number as a person or a form would write it: {@code YYYYMMDD-NNNC}, {@code
   * YYYYMMDDNNNC}, {@code YYMMDD-NNNC}, {@code YYMMDDNNNC} or {@code YYMMDD+NNNC} (100 years or
   * older), surrounding whitespace ignored.
   *
   * <p>A 10-digit number gets the most recent century that does not put the birth date after {@code
   * today}; with {@code +} the most recent one at least 100 years before {@code today}.
   *
   * @param today the current date in the service's time zone, from the injected {@code Clock}
   * @throws InvalidPersonalIdentityNumberException if the number is malformed, has a wrong check
   *     digit, is not a real date or lies in the future; the message never contains the input
   */
  public static PersonalIdentityNumber parse(String input, LocalDate today) {
    Objects.requireNonNull(today, "today");
    if (input == null) {
      throw invalid(Reason.FORMAT);
    }
    Matcher matcher = INPUT.matcher(input.strip());
    if (!matcher.matches()) {
      throw invalid(Reason.FORMAT);
    }
    String century = matcher.group(1);
    String yymmdd = matcher.group(2);
    boolean hundredOrOlder = matcher.group(3).equals("+");
    String tenDigits = yymmdd + matcher.group(4);
    checkLuhn(tenDigits);

    int month = Integer.parseInt(yymmdd, 2, 4, 10);
    int writtenDay = Integer.parseInt(yymmdd, 4, 6, 10);
    LocalDate latestPossible = hundredOrOlder ? today.minusYears(100) : today;
    int year =
        century != null
            ? Integer.parseInt(century + yymmdd.substring(0, 2))
            : inferYear(
                Integer.parseInt(yymmdd, 0, 2, 10), month, realDay(writtenDay), latestPossible);

    LocalDate birthDate = toDate(year, month, writtenDay);
    if (birthDate.isAfter(latestPossible)) {
      throw invalid(Reason.DATE);
    }
    return new PersonalIdentityNumber(
        String.format("%04d", year) + tenDigits.substring(2), birthDate);
  }

  /**
   * Recreates a number from its {@linkplain #normalized() normalized} form, as read back from
   * storage. Checks format, check digit and date, but not that the date lies in the past: that was
   * checked when the number was first parsed.
   */
  static PersonalIdentityNumber ofNormalized(String twelveDigits) {
    if (twelveDigits == null || !TWELVE_DIGITS.matcher(twelveDigits).matches()) {
      throw invalid(Reason.FORMAT);
    }
    checkLuhn(twelveDigits.substring(2));
    int year = Integer.parseInt(twelveDigits, 0, 4, 10);
    int month = Integer.parseInt(twelveDigits, 4, 6, 10);
    int writtenDay = Integer.parseInt(twelveDigits, 6, 8, 10);
    return new PersonalIdentityNumber(twelveDigits, toDate(year, month, writtenDay));
  }

  /** The most recent year ending in {@code yy} whose date is not after {@code latestPossible}. */
  private static int inferYear(int yy, int month, int day, LocalDate latestPossible) {
    int year = latestPossible.getYear() - Math.floorMod(latestPossible.getYear() - yy, 100);
    boolean laterInYear =
        month > latestPossible.getMonthValue()
            || (month == latestPossible.getMonthValue() && day > latestPossible.getDayOfMonth());
    return year == latestPossible.getYear() && laterInYear ? year - 100 : year;
  }

  private static int realDay(int writtenDay) {
    return writtenDay > COORDINATION_DAY_OFFSET ? writtenDay - COORDINATION_DAY_OFFSET : writtenDay;
  }

  private static LocalDate toDate(int year, int month, int writtenDay) {
    if (writtenDay == 0 || writtenDay == COORDINATION_DAY_OFFSET) {
      throw invalid(Reason.DATE);
    }
    try {
      return LocalDate.of(year, month, realDay(writtenDay));
    } catch (DateTimeException e) {
      // Deliberately not chained: the JDK's message quotes the offending date.
      throw invalid(Reason.DATE);
    }
  }

  private static void checkLuhn(String tenDigits) {
    if (luhnCheckDigit(tenDigits.substring(0, 9)) != tenDigits.charAt(9) - '0') {
      throw invalid(Reason.CHECK_DIGIT);
    }
  }

  /** The Luhn (modulus 10, weights 2-1-2-...) check digit for nine digits {@code YYMMDDNNN}. */
  static int luhnCheckDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < nineDigits.length(); i++) {
      int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      sum += product > 9 ? product - 9 : product;
    }
    return (10 - sum % 10) % 10;
  }

  private static InvalidPersonalIdentityNumberException invalid(Reason reason) {
    String message =
        switch (reason) {
          case FORMAT ->
              "Personal identity number must be 10 or 12 digits, optionally with '-' or '+'"
                  + " before the last four";
          case CHECK_DIGIT -> "Personal identity number has an incorrect check digit";
          case DATE ->
              "Personal identity number does not contain a valid birth date that is not in the"
                  + " future";
        };
    return new InvalidPersonalIdentityNumberException(reason, message);
  }

  /** The 12 digits {@code YYYYMMDDNNNC}, without separator. */
  public String normalized() {
    return normalized;
  }

  /** {@code YYYYMMDD-NNNC}. */
  public String formatted() {
    return normalized.substring(0, 8) + "-" + normalized.substring(8);
  }

  /** {@code YYYYMMDD-****}: the date part as written (day+60 for a samordningsnummer). */
  public String masked() {
    return normalized.substring(0, 8) + "-****";
  }

  /** Whether this is a samordningsnummer (day of month written as the real day + 60). */
  public boolean isCoordinationNumber() {
    return Integer.parseInt(normalized, 6, 8, 10) > COORDINATION_DAY_OFFSET;
  }

  /** The real birth date, also for a samordningsnummer. */
  public LocalDate birthDate() {
    return birthDate;
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || (other instanceof PersonalIdentityNumber that && normalized.equals(that.normalized));
  }

  @Override
  public int hashCode() {
    return normalized.hashCode();
  }

  /** The {@linkplain #masked() masked} form; never the full number. */
  @Override
  public String toString() {
    return masked();
  }
}
