package se.samla.deviation.core.patient.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.fixtures.TestPatients.ADULT;
import static se.samla.deviation.core.fixtures.TestPatients.CENTENARIAN;
import static se.samla.deviation.core.fixtures.TestPatients.CHILD;
import static se.samla.deviation.core.fixtures.TestPatients.COORDINATION_NUMBER;
import static se.samla.deviation.core.fixtures.TestPatients.LEAP_DAY_2000;
import static se.samla.deviation.core.fixtures.TestPatients.TODAY;
import static se.samla.deviation.core.fixtures.TestPatients.TOLVAN_TOLVANSSON;
import static se.samla.deviation.core.fixtures.TestPatients.tenDigit;
import static se.samla.deviation.core.fixtures.TestPatients.validPersonnummer;
import static se.samla.deviation.core.fixtures.TestPatients.validSamordningsnummer;
import static se.samla.deviation.core.fixtures.TestPatients.withWrongCheckDigit;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import se.samla.deviation.core.patient.domain.InvalidPersonalIdentityNumberException.Reason;

class PersonalIdentityNumberTest {

  private static PersonalIdentityNumber parse(String input) {
    return PersonalIdentityNumber.parse(input, TODAY);
  }

  @Nested
  class Valid {

    @ParameterizedTest
    @ValueSource(strings = {"19121212-1212", "191212121212", "121212+1212", "  19121212-1212\t"})
    void acceptsTheSameNumberInEveryWrittenForm(String input) {
      PersonalIdentityNumber pin = parse(input);

      assertThat(pin.normalized()).isEqualTo("191212121212");
      assertThat(pin.birthDate()).isEqualTo(LocalDate.of(1912, 12, 12));
      assertThat(pin.isCoordinationNumber()).isFalse();
    }

    @Test
    void tenDigitsWithoutPlusGetTheMostRecentCenturyNotInTheFuture() {
      assertThat(parse(tenDigit(ADULT, '-')).birthDate()).isEqualTo(LocalDate.of(1975, 11, 30));
      assertThat(parse(tenDigit(CHILD, '-')).birthDate()).isEqualTo(LocalDate.of(2018, 3, 14));
    }

    @Test
    void tenDigitsWithoutSeparator() {
      assertThat(parse(tenDigit(ADULT, '-').replace("-", "")).normalized())
          .isEqualTo(ADULT.replace("-", ""));
      // Without '+', Tolvan's ten digits are someone born in 2012.
      assertThat(parse("1212121212").birthDate()).isEqualTo(LocalDate.of(2012, 12, 12));
    }

    @Test
    void plusMeansOneHundredYearsOrOlder() {
      String tenDigits = tenDigit(CENTENARIAN, '+');

      assertThat(parse(tenDigits).birthDate()).isEqualTo(LocalDate.of(1920, 5, 2));
      assertThat(parse(tenDigits).normalized()).isEqualTo(CENTENARIAN.replace("-", ""));
      // The same digits with '-' are someone born in 2020.
      assertThat(parse(tenDigit(CENTENARIAN, '-')).birthDate()).isEqualTo(LocalDate.of(2020, 5, 2));
    }

    @Test
    void plusPutsABirthdayLaterThisYearTwoCenturiesBack() {
      // 1925-06-16 is not yet 100 years before 2025-06-15, so '+' means 1825.
      String number = validPersonnummer(LocalDate.of(1925, 6, 16), 981);

      assertThat(parse(tenDigit(number, '+')).birthDate()).isEqualTo(LocalDate.of(1825, 6, 16));
    }

    @Test
    void plusAcceptsTheHundredthBirthdayItself() {
      String number = validPersonnummer(TODAY.minusYears(100), 981);

      assertThat(parse(tenDigit(number, '+')).birthDate()).isEqualTo(TODAY.minusYears(100));
    }

    @Test
    void centuryBoundaryTomorrowIsLastCenturyYesterdayIsThisOne() {
      String tomorrow = validPersonnummer(TODAY.plusDays(1), 984);
      String todayItself = validPersonnummer(TODAY, 984);
      String yesterday = validPersonnummer(TODAY.minusDays(1), 984);

      assertThat(parse(tenDigit(tomorrow, '-')).birthDate())
          .isEqualTo(TODAY.plusDays(1).minusYears(100));
      assertThat(parse(tenDigit(todayItself, '-')).birthDate()).isEqualTo(TODAY);
      assertThat(parse(tenDigit(yesterday, '-')).birthDate()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void centuryBoundaryAtNewYear() {
      LocalDate newYearsDay = LocalDate.of(2000, 1, 1);
      String bornNewYearsEve = validPersonnummer(LocalDate.of(1999, 12, 31), 986);
      String bornNewYearsDay = validPersonnummer(newYearsDay, 986);

      assertThat(
              PersonalIdentityNumber.parse(tenDigit(bornNewYearsEve, '-'), newYearsDay).birthDate())
          .isEqualTo(LocalDate.of(1999, 12, 31));
      assertThat(
              PersonalIdentityNumber.parse(tenDigit(bornNewYearsDay, '-'), newYearsDay).birthDate())
          .isEqualTo(newYearsDay);
    }

    @Test
    void samordningsnummerHasTheDayPlusSixty() {
      PersonalIdentityNumber pin = parse(COORDINATION_NUMBER);

      assertThat(pin.isCoordinationNumber()).isTrue();
      assertThat(pin.birthDate()).isEqualTo(LocalDate.of(1990, 7, 19));
      assertThat(pin.normalized()).startsWith("19900779");
      assertThat(parse(tenDigit(COORDINATION_NUMBER, '-'))).isEqualTo(pin);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 31})
    void samordningsnummerDaysRunFrom61To91(int realDay) {
      String number = validSamordningsnummer(LocalDate.of(1990, 1, realDay), 985);

      assertThat(parse(number).birthDate()).isEqualTo(LocalDate.of(1990, 1, realDay));
    }

    @Test
    void leapDay2000IsValid() {
      assertThat(parse(LEAP_DAY_2000).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
      assertThat(parse(tenDigit(LEAP_DAY_2000, '-')).birthDate())
          .isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void leapDayOfSamordningsnummerIsValid() {
      assertThat(parse(validSamordningsnummer(LocalDate.of(2000, 2, 29), 985)).birthDate())
          .isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void tenDigitLeapDayWithPlusFallsIn1900WhichHasNoLeapDay() {
      assertInvalid(tenDigit(LEAP_DAY_2000, '+'), Reason.DATE);
    }
  }

  @Nested
  class Invalid {

    @Test
    void wrongCheckDigit() {
      assertInvalid(withWrongCheckDigit(TOLVAN_TOLVANSSON), Reason.CHECK_DIGIT);
      assertInvalid(withWrongCheckDigit(tenDigit(ADULT, '-')), Reason.CHECK_DIGIT);
    }

    @Test
    void everySingleDigitErrorIsCaught() {
      String digits = ADULT.replace("-", "");
      for (int position = 2; position < 12; position++) {
        char original = digits.charAt(position);
        char changed = (char) ('0' + (original - '0' + 5) % 10);
        String mistyped = digits.substring(0, position) + changed + digits.substring(position + 1);

        assertThatThrownBy(() -> parse(mistyped))
            .isInstanceOf(InvalidPersonalIdentityNumberException.class);
      }
    }

    @Test
    void monthThirteen() {
      assertInvalid(luhnValid("19751330", 987), Reason.DATE);
    }

    @Test
    void dayThirtyTwo() {
      assertInvalid(luhnValid("19750132", 987), Reason.DATE);
    }

    @Test
    void dayZeroAndMonthZero() {
      assertInvalid(luhnValid("19750100", 987), Reason.DATE);
      assertInvalid(luhnValid("19750001", 987), Reason.DATE);
    }

    @Test
    void leapDayInACommonYear() {
      assertInvalid(luhnValid("20230229", 987), Reason.DATE);
    }

    @Test
    void leapDay1900() {
      assertInvalid(luhnValid("19000229", 987), Reason.DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19900160", "19900192", "19900291", "19900150"})
    void samordningsnummerDayOutOfRange(String yyyymmdd) {
      assertInvalid(luhnValid(yyyymmdd, 985), Reason.DATE);
    }

    @Test
    void futureBirthDateInTwelveDigits() {
      assertInvalid(validPersonnummer(TODAY.plusDays(1), 984), Reason.DATE);
    }

    @Test
    void twelveDigitsWithPlusMustBeOneHundredYearsOld() {
      assertInvalid(ADULT.replace('-', '+'), Reason.DATE);
      assertThat(parse(CENTENARIAN.replace('-', '+')).birthDate())
          .isEqualTo(LocalDate.of(1920, 5, 2));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "19121212-121X",
          "1912121a-1212",
          "19121212 1212",
          "19121212--1212",
          "1912-12-12-1212",
          "19121212/1212",
          "1912121-21212",
          "191212121",
          "12121212121",
          "1912121212121",
          "-1212121212",
          "１９１２１２１２１２１２"
        })
    void wrongFormat(String input) {
      assertInvalid(input, Reason.FORMAT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "-"})
    void missing(String input) {
      assertInvalid(input, Reason.FORMAT);
    }

    /** A Luhn-valid number for a possibly impossible date, so only the date rule can reject it. */
    private static String luhnValid(String yyyymmdd, int serial) {
      String nine = yyyymmdd.substring(2) + String.format("%03d", serial);
      return yyyymmdd
          + "-"
          + String.format("%03d", serial)
          + PersonalIdentityNumber.luhnCheckDigit(nine);
    }
  }

  @Nested
  class Presentation {

    @Test
    void normalizedAndFormatted() {
      PersonalIdentityNumber pin = parse("121212+1212");

      assertThat(pin.normalized()).isEqualTo("191212121212");
      assertThat(pin.formatted()).isEqualTo("19121212-1212");
    }

    @Test
    void maskedAndToStringHideTheLastFourDigits() {
      PersonalIdentityNumber pin = parse(ADULT);
      String lastFour = ADULT.substring(9);

      assertThat(pin.masked()).isEqualTo("19751130-****").doesNotContain(lastFour);
      assertThat(pin.toString()).isEqualTo(pin.masked());
      assertThat("patient " + pin).doesNotContain(lastFour);
    }

    @Test
    void samordningsnummerIsMaskedWithItsOwnDayDigits() {
      PersonalIdentityNumber pin = parse(COORDINATION_NUMBER);

      assertThat(pin.masked()).isEqualTo("19900779-****");
      assertThat(pin.toString()).doesNotContain(COORDINATION_NUMBER.substring(9));
    }

    @Test
    void equalityFollowsTheNormalizedNumber() {
      PersonalIdentityNumber twelve = parse(TOLVAN_TOLVANSSON);
      PersonalIdentityNumber ten = parse("121212+1212");

      assertThat(ten).isEqualTo(twelve).hasSameHashCodeAs(twelve);
      assertThat(parse(ADULT)).isNotEqualTo(twelve);
    }
  }

  @Nested
  class FromNormalized {

    @Test
    void recreatesTheParsedNumber() {
      PersonalIdentityNumber pin = parse(COORDINATION_NUMBER);

      assertThat(PersonalIdentityNumber.ofNormalized(pin.normalized())).isEqualTo(pin);
      assertThat(PersonalIdentityNumber.ofNormalized(pin.normalized()).birthDate())
          .isEqualTo(pin.birthDate());
    }

    @Test
    void doesNotCheckForFutureDates() {
      LocalDate afterToday = LocalDate.now().plusYears(1);
      String number = validPersonnummer(afterToday, 984).replace("-", "");

      assertThat(PersonalIdentityNumber.ofNormalized(number).birthDate()).isEqualTo(afterToday);
    }

    @Test
    void stillChecksFormatCheckDigitAndDate() {
      assertInvalidNormalized("19121212-1212", Reason.FORMAT);
      assertInvalidNormalized("1212121212", Reason.FORMAT);
      assertInvalidNormalized(null, Reason.FORMAT);
      assertInvalidNormalized("191212121213", Reason.CHECK_DIGIT);
      String monthThirteen = "751330987";
      assertInvalidNormalized(
          "19" + monthThirteen + PersonalIdentityNumber.luhnCheckDigit(monthThirteen), Reason.DATE);
    }

    private void assertInvalidNormalized(String input, Reason reason) {
      assertThatThrownBy(() -> PersonalIdentityNumber.ofNormalized(input))
          .isInstanceOfSatisfying(
              InvalidPersonalIdentityNumberException.class,
              e -> assertThat(e.reason()).isEqualTo(reason));
    }
  }

  @Test
  void rejectsMissingToday() {
    assertThatThrownBy(() -> PersonalIdentityNumber.parse(TOLVAN_TOLVANSSON, null))
        .isInstanceOf(NullPointerException.class);
  }

  /** Asserts the reason, and that no run of digits from the input reaches the message. */
  private static void assertInvalid(String input, Reason reason) {
    assertThatThrownBy(() -> parse(input))
        .isInstanceOfSatisfying(
            InvalidPersonalIdentityNumberException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).isNotBlank().doesNotContainPattern("\\d{4}");
              if (input != null && input.strip().length() >= 4) {
                assertThat(e.getMessage()).doesNotContain(input.strip());
              }
              assertThat(e.getCause()).isNull();
            });
  }
}
