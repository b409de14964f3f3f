package se.samla.deviation.core.common.infrastructure;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * The service's time zone under {@code deviation.zone} (docs/architecture.md#time).
 *
 * @param zone the zone in which days are counted and times shown; {@code null} when not set
 * @param deadlines the old place of the setting, {@code deviation.deadlines.zone}, still read
 */
@ConfigurationProperties(prefix = "deviation")
public record ServiceZoneProperties(ZoneId zone, Deadlines deadlines) {

  /**
   * The old name's group: only {@code zone} is read here; the other {@code deviation.deadlines.*}
   * settings belong to the deadline properties.
   *
   * @param zone {@code deviation.deadlines.zone}, used when {@code deviation.zone} is not set
   */
  public record Deadlines(ZoneId zone) {

    @Override
    @Deprecated(since = "0.1.0")
    @DeprecatedConfigurationProperty(
        replacement = "deviation.zone",
        reason = "one zone for deadlines, lists, pages, e-mails and reports")
    public ZoneId zone() {
      return zone;
    }
  }
}
