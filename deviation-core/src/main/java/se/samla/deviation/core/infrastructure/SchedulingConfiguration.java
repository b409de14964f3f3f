package se.samla.deviation.core.infrastructure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run unless {@code deviation.scheduling.enabled=false} (tests call jobs directly).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "deviation.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {}
