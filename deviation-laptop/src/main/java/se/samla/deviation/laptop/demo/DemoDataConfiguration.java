package se.samla.deviation.laptop.demo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Loads the fictional demo landscape at startup when {@code deviation.demo-data.enabled=true} (the
 * dev profile), and never otherwise. Registered through {@code AutoConfiguration.imports}; the
 * application has this module at runtime scope only.
 */
@AutoConfiguration
@ConditionalOnProperty(name = DemoDataProperties.ENABLED, havingValue = "true")
@EnableConfigurationProperties(DemoDataProperties.class)
@Import(DemoDataLoader.class)
public class DemoDataConfiguration {}
