package se.samla.deviation.core;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The one configuration the application imports to get the deviation core. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EntityScan
@EnableJpaRepositories
@ConfigurationPropertiesScan
public class CoreConfiguration {

  /** Core's tables: organisations, categories, deviations, the PDL log (V1-V3, V7). */
  @Bean
  FlywayConfigurationCustomizer coreMigrationLocation() {
    return ModuleMigrations.location("classpath:db/migration/core");
  }
}
