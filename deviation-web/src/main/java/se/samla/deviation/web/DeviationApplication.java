package se.samla.deviation.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import se.samla.deviation.core.CoreConfiguration;

/**
 * Avvikelser i samverkan: the executable application.
 *
 * <p>Users log in with SITHS only; there are no local users, so Spring Boot's generated default
 * user (and the password it would print) is switched off.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@Import(CoreConfiguration.class)
public class DeviationApplication {

  public static void main(String[] args) {
    SpringApplication.run(DeviationApplication.class, args);
  }
}
