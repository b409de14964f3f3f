package se.samla.deviation.medcontrol;

import org.springframework.context.annotation.Configuration;

/**
 * The MedControl PRO integration's one configuration. The Camel routes, outbox relay and simulator
 * arrive with the MedControl sync issue; until then this module contributes nothing at runtime.
 */
@Configuration(proxyBeanMethods = false)
public class MedControlConfiguration {}
