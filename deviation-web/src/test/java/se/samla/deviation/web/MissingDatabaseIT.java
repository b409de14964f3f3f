package se.samla.deviation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Outside the dev profile a forgotten {@code spring.datasource.url} must not start an embedded
 * database with demo data: the application refuses to start, in one sentence, without a stack
 * trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingDatabaseIT {

  @Test
  void refusesToStartWithoutADatabaseOutsideTheDevProfile(CapturedOutput output) {
    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(DeviationApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                        "--spring.profiles.active=",
                        "--deviation.embedded-database.data-directory=",
                        "--deviation.scheduling.enabled=false")
                    .close());

    assertThat(failure).isNotNull();
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("No database is configured: spring.datasource.url is not set.")
        .contains("--spring.profiles.active=dev")
        .doesNotContain("Started embedded PostgreSQL")
        .doesNotContain("\tat org.springframework");
  }
}
