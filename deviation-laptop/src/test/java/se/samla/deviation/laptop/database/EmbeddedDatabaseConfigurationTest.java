package se.samla.deviation.laptop.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Outside the dev profile a forgotten {@code spring.datasource.url} must not start a database of
 * the service's own: without {@code deviation.embedded-database.enabled=true} the start is refused,
 * before any bean (and so before any PostgreSQL) is made.
 */
class EmbeddedDatabaseConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(EmbeddedDatabaseConfiguration.class));

  @Test
  void withoutADatabaseUrlTheStartIsRefusedUnlessAskedFor() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          assertThat(failure).isInstanceOf(EmbeddedDatabaseException.class);
          FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer().analyze(failure);
          assertThat(analysis.getDescription())
              .isEqualTo("No database is configured: spring.datasource.url is not set.");
          assertThat(analysis.getAction())
              .contains("Set spring.datasource.url")
              .contains("--spring.profiles.active=dev")
              .contains("deviation.embedded-database.enabled=true");
        });
  }

  @Test
  void anExplicitFalseIsRefusedToo() {
    runner
        .withPropertyValues("deviation.embedded-database.enabled=false")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void withAnExternalDatabaseNothingEmbeddedStartsEvenWhenEnabled() {
    runner
        .withPropertyValues(
            "spring.datasource.url=jdbc:postgresql://db.example:5432/deviation",
            "deviation.embedded-database.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
            });
  }
}
