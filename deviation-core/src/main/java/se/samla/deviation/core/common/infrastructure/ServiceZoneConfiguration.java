package se.samla.deviation.core.common.infrastructure;

import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.common.domain.ServiceZone;

/**
 * Builds the one {@link ServiceZone} from {@code deviation.zone}; when only the old name {@code
 * deviation.deadlines.zone} is set it is used, with one deprecation warning at start.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceZoneConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ServiceZoneConfiguration.class);

  @Bean
  ServiceZone serviceZone(ServiceZoneProperties properties) {
    return new ServiceZone(zone(properties));
  }

  @SuppressWarnings("deprecation")
  static ZoneId zone(ServiceZoneProperties properties) {
    ZoneId old = properties.deadlines() == null ? null : properties.deadlines().zone();
    if (properties.zone() != null) {
      if (old != null && !old.equals(properties.zone())) {
        log.warn(
            "deviation.deadlines.zone={} is ignored: deviation.zone={} is set and wins;"
                + " remove the old name",
            old,
            properties.zone());
      }
      return properties.zone();
    }
    if (old != null) {
      log.warn(
          "deviation.deadlines.zone is deprecated: set deviation.zone={} instead (it now also"
              + " governs lists, pages, e-mails and reports)",
          old);
      return old;
    }
    return ServiceZone.DEFAULT_ZONE;
  }
}
