package se.samla.deviation.web;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.ModuleMigrations;

/** The web application's tables: SAML replay cache, sessions, authentication requests (V4-V6). */
@Configuration(proxyBeanMethods = false)
class WebMigrations {

  @Bean
  FlywayConfigurationCustomizer webMigrationLocation() {
    return ModuleMigrations.location("classpath:db/migration/web");
  }
}
