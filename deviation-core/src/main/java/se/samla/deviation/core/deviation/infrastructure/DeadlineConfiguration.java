package se.samla.deviation.core.deviation.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.calendar.domain.WorkingDayCalendar;
import se.samla.deviation.core.common.domain.ServiceZone;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;

/**
 * Builds the {@link DeadlinePolicy} from {@link DeadlineProperties} and the {@link ServiceZone}.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

  @Bean
  DeadlinePolicy deadlinePolicy(DeadlineProperties properties, ServiceZone zone) {
    return new DeadlinePolicy(
        properties.acknowledgementWorkingDays(),
        properties.answerCalendarDays(),
        zone.zone(),
        new WorkingDayCalendar());
  }
}
