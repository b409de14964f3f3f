package se.samla.deviation.ops.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.CoreConfiguration;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;

/**
 * The deviation core around a throw-away embedded PostgreSQL 17, with the {@link TestCare} master
 * data installed: what both the JMH benchmark and the pgbench reference run against. Prints the
 * server's port and the settings that decide commit cost, so pgbench (or psql) can target the same
 * server and a reader can judge the figures.
 */
final class BenchmarkDatabase implements AutoCloseable {

  /** Benchmark-only patient keys: fixed, public and worthless, like the test keys. */
  private static final String DATA_KEY = key(0xB1);

  private static final String PSEUDONYM_KEY = key(0xB2);

  /**
   * Given as command-line arguments, which outrank every {@code application.yml} on the class path
   * (core's test-jar has one); {@code spring.config.name} makes sure none is read at all.
   */
  private static final String[] PROPERTIES = {
    "--spring.config.name=ops-benchmark",
    "--spring.main.banner-mode=off",
    "--spring.jmx.enabled=false",
    "--spring.jpa.open-in-view=false",
    "--spring.jpa.hibernate.ddl-auto=validate",
    "--spring.flyway.locations=classpath:db/migration",
    "--deviation.embedded-database.data-directory=",
    "--deviation.scheduling.enabled=false",
    "--deviation.demo-data.enabled=false",
    "--deviation.patient.active-key-id=bench-1",
    "--deviation.patient.keys.bench-1=" + DATA_KEY,
    "--deviation.patient.pseudonym-key=" + PSEUDONYM_KEY,
    "--logging.level.root=warn",
  };

  private final ConfigurableApplicationContext context;
  private final int port;

  private BenchmarkDatabase(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = context.getBean(EmbeddedPostgres.class).getPort();
  }

  /** Boots the core on a fresh embedded PostgreSQL and installs the test care landscape. */
  static BenchmarkDatabase start() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Application.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(PROPERTIES);
    TestCare.install(context.getBean(MasterData.class));
    BenchmarkDatabase database = new BenchmarkDatabase(context);
    database.describe();
    return database;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  int port() {
    return port;
  }

  JdbcTemplate jdbc() {
    return context.getBean(JdbcTemplate.class);
  }

  /** Commits and tuples of this database so far, from {@code pg_stat_database}. */
  DatabaseCounters counters() {
    jdbc().execute("select pg_stat_force_next_flush()");
    Map<String, Object> row =
        jdbc()
            .queryForMap(
                """
                select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_fetched
                from pg_stat_database where datname = current_database()
                """);
    return new DatabaseCounters(
        ((Number) row.get("xact_commit")).longValue(),
        ((Number) row.get("xact_rollback")).longValue(),
        ((Number) row.get("tup_inserted")).longValue(),
        ((Number) row.get("tup_updated")).longValue(),
        ((Number) row.get("tup_fetched")).longValue());
  }

  private void describe() {
    JdbcTemplate jdbc = jdbc();
    System.out.printf(
        "# Embedded PostgreSQL %s: jdbc:postgresql://localhost:%d/postgres (user postgres, no"
            + " password); fsync=%s, synchronous_commit=%s, shared_buffers=%s%n",
        jdbc.queryForObject("show server_version", String.class),
        port,
        jdbc.queryForObject("show fsync", String.class),
        jdbc.queryForObject("show synchronous_commit", String.class),
        jdbc.queryForObject("show shared_buffers", String.class));
  }

  @Override
  public void close() {
    context.close();
  }

  private static String key(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Cumulative database counters; subtract two to get what happened in between. */
  record DatabaseCounters(long commits, long rollbacks, long inserted, long updated, long fetched) {

    DatabaseCounters minus(DatabaseCounters before) {
      return new DatabaseCounters(
          commits - before.commits,
          rollbacks - before.rollbacks,
          inserted - before.inserted,
          updated - before.updated,
          fetched - before.fetched);
    }

    /** One line with each counter per {@code operations}. */
    String per(long operations, String operation) {
      double n = Math.max(1, operations);
      return "%d %ss: %.2f commits, %.2f rows inserted, %.2f updated, %.1f fetched per %s"
          .formatted(
              operations,
              operation,
              commits / n,
              inserted / n,
              updated / n,
              fetched / n,
              operation);
    }
  }

  /** The smallest application around the core: no web, no scheduling, no demo data. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(CoreConfiguration.class)
  static class Application {}
}
