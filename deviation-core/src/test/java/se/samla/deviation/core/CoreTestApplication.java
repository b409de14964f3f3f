package se.samla.deviation.core;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import se.samla.deviation.core.fixtures.MutableClock;

/** The smallest application around the core for its integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CoreConfiguration.class)
public class CoreTestApplication {

  /** A clock the tests move; it replaces the system clock everywhere in core. */
  @Bean
  @Primary
  MutableClock testClock() {
    return MutableClock.startingAt("2026-11-23T09:00:00Z");
  }
}
