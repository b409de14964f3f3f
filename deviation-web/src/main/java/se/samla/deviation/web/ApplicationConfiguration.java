package se.samla.deviation.web;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import se.samla.deviation.core.CoreConfiguration;

/**
 * Core and the web module's configuration properties. Apart from {@link DeviationApplication} so
 * that a slice test ({@code @WebMvcTest}) does not bring core, its database and its scheduling.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@Import(CoreConfiguration.class)
class ApplicationConfiguration {}
