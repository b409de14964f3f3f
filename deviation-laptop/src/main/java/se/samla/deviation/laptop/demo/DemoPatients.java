package se.samla.deviation.laptop.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;

/**
 * Fictional patients for the demo data: Luhn-valid personnummer born 1925–1960 with a serial in
 * 980–999, the range the test fixtures also use to stay clear of numbers in ordinary use. Never
 * printed or logged.
 */
final class DemoPatients {

  static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1925, 1, 1);
  static final LocalDate LAST_BIRTH_DATE = LocalDate.of(1960, 12, 31);
  static final int FIRST_SERIAL = 980;
  static final int LAST_SERIAL = 999;

  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd");

  private DemoPatients() {}

  /** {@code count} different patients, drawn from {@code random}. */
  static List<PersonalIdentityNumber> generate(Random random, int count, LocalDate today) {
    long days = LAST_BIRTH_DATE.toEpochDay() - FIRST_BIRTH_DATE.toEpochDay() + 1;
    Set<PersonalIdentityNumber> patients = new LinkedHashSet<>();
    while (patients.size() < count) {
      LocalDate birthDate = FIRST_BIRTH_DATE.plusDays((long) (random.nextDouble() * days));
      int serial = FIRST_SERIAL + random.nextInt(LAST_SERIAL - FIRST_SERIAL + 1);
      patients.add(PersonalIdentityNumber.parse(personnummer(birthDate, serial), today));
    }
    return new ArrayList<>(patients);
  }

  /** {@code YYYYMMDD-NNNC} with the Luhn check digit over {@code YYMMDDNNN}. */
  static String personnummer(LocalDate birthDate, int serial) {
    String date = birthDate.format(YYYYMMDD);
    String serialDigits = String.format("%03d", serial);
    return date + "-" + serialDigits + luhn(date.substring(2) + serialDigits);
  }

  private static int luhn(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < nineDigits.length(); i++) {
      int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      sum += product > 9 ? product - 9 : product;
    }
    return (10 - sum % 10) % 10;
  }
}
