package se.samla.deviation.web.api;

import java.util.TimeZone;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.common.domain.ServiceZone;

/**
 * Times in JSON carry the offset of the service zone ({@code deviation.zone}) at that moment:
 * Jackson writes every {@code OffsetDateTime} and {@code ZonedDateTime} in that zone, whatever
 * offset it was built with (docs/architecture.md#time). It wins over {@code
 * spring.jackson.time-zone}.
 */
@Configuration(proxyBeanMethods = false)
public class ApiTimeZoneConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer serviceZoneForJson(ServiceZone zone) {
    return builder -> builder.timeZone(TimeZone.getTimeZone(zone.zone()));
  }
}
