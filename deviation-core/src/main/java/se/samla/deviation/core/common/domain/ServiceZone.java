package se.samla.deviation.core.common.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The one time zone in which the service counts days and shows times: deadlines, case-number years,
 * list filters, pages, e-mails and quarterly reports all use it, so a day is the same day
 * everywhere (docs/architecture.md#time). Configured as {@code deviation.zone}.
 *
 * @param zone the zone, {@link #DEFAULT_ZONE} unless configured otherwise
 */
public record ServiceZone(ZoneId zone) {

  /** The zone of the SAMLA sub-region, used when nothing else is configured. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Stockholm");

  public ServiceZone {
    Objects.requireNonNull(zone, "zone");
  }

  /** The service zone when nothing is configured: Europe/Stockholm. */
  public static ServiceZone defaults() {
    return new ServiceZone(DEFAULT_ZONE);
  }

  /** Today's date in the service zone, by the given clock. */
  public LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** The date on which {@code instant} falls in the service zone. */
  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /** {@code instant} as a date-time in the service zone. */
  public ZonedDateTime at(Instant instant) {
    return instant.atZone(zone);
  }

  /** The first moment of {@code date} in the service zone. */
  public Instant startOf(LocalDate date) {
    return date.atStartOfDay(zone).toInstant();
  }
}
