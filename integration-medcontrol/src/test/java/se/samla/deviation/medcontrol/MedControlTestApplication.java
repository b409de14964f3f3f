package se.samla.deviation.medcontrol;

import java.time.Clock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import se.samla.deviation.core.CoreConfiguration;
import se.samla.deviation.core.fixtures.MutableClock;

/** Core plus the integration (auto-configured), as the application runs them, without the web. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CoreConfiguration.class)
public class MedControlTestApplication {

  /**
   * Core's test-jar brings its MutableClock (standing still) into every context that scans core.
   * The sync's retries, backoffs and leases are measured on that clock, so here it ticks with real
   * time; tests may still set or advance it.
   */
  @Bean
  InitializingBean tickingTestClock(Clock clock) {
    return () -> {
      if (clock instanceof MutableClock mutable) {
        mutable.followSystemClock();
      }
    };
  }
}
