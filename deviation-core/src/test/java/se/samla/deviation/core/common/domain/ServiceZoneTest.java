package se.samla.deviation.core.common.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServiceZoneTest {

  /** 23:30 UTC on New Year's Eve: already 2027 in Stockholm, still 2026 in New York. */
  static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T23:30:00Z");

  @Test
  void defaultsToStockholm() {
    assertThat(ServiceZone.defaults().zone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
  }

  @Test
  void todayIsTheClocksDateInTheServiceZoneNotInTheClocksZone() {
    Clock utcClock = Clock.fixed(NEW_YEARS_EVE, ZoneOffset.UTC);

    assertThat(ServiceZone.defaults().today(utcClock)).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(new ServiceZone(ZoneId.of("America/New_York")).today(utcClock))
        .isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void placesAnInstantInTheZone() {
    ServiceZone stockholm = ServiceZone.defaults();

    assertThat(stockholm.at(NEW_YEARS_EVE).toOffsetDateTime())
        .hasToString("2027-01-01T00:30+01:00");
    assertThat(stockholm.dateOf(NEW_YEARS_EVE)).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(stockholm.startOf(LocalDate.of(2026, 7, 1)))
        .isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
  }

  @Test
  void needsAZone() {
    assertThatNullPointerException().isThrownBy(() -> new ServiceZone(null));
  }
}
