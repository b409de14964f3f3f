package se.samla.deviation.laptop.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EmbeddedDatabasePropertiesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
  static class Properties {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Properties.class);

  @Test
  void isOffUnlessAskedFor() {
    runner.run(
        context ->
            assertThat(context.getBean(EmbeddedDatabaseProperties.class).enabled()).isFalse());
    runner
        .withPropertyValues("deviation.embedded-database.enabled=true")
        .run(
            context ->
                assertThat(context.getBean(EmbeddedDatabaseProperties.class).enabled()).isTrue());
  }

  @Test
  void keepsDataInDataPostgresByDefault() {
    runner.run(
        context ->
            assertThat(context.getBean(EmbeddedDatabaseProperties.class).persistentDataDirectory())
                .contains(Path.of("data/postgres")));
  }

  @Test
  void anEmptyDataDirectoryMeansAThrowAwayDatabase() {
    runner
        .withPropertyValues("deviation.embedded-database.data-directory=")
        .run(
            context ->
                assertThat(
                        context.getBean(EmbeddedDatabaseProperties.class).persistentDataDirectory())
                    .isEmpty());
  }

  @Test
  void takesAConfiguredDataDirectory() {
    runner
        .withPropertyValues("deviation.embedded-database.data-directory=/var/lib/deviation/pg")
        .run(
            context ->
                assertThat(
                        context.getBean(EmbeddedDatabaseProperties.class).persistentDataDirectory())
                    .contains(Path.of("/var/lib/deviation/pg")));
  }
}
