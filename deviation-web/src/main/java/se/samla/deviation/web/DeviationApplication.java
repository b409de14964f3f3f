package se.samla.deviation.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/**
 * Avvikelser i samverkan: the executable application.
 *
 * <p>Users log in with SITHS only; there are no local users, so Spring Boot's generated default
 * user (and the password it would print) is switched off. Core and the configuration properties are
 * wired in {@link ApplicationConfiguration}, so that slice tests ({@code @WebMvcTest}) start
 * without them.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class DeviationApplication {

  public static void main(String[] args) {
    SpringApplication.run(DeviationApplication.class, args);
  }
}
