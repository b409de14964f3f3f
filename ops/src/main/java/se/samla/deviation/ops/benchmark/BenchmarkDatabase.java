package se.samla.deviation.ops.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
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

  /** {@code getconf CLK_TCK}: 100 on every Linux we run. */
  private static final long CLOCK_TICKS_PER_SECOND = 100;

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
    "--deviation.scheduling.enabled=false",
    "--deviation.embedded-database.enabled=true",
    "--deviation.demo-data.enabled=false",
    "--deviation.patient.active-key-id=bench-1",
    "--deviation.patient.keys.bench-1=" + DATA_KEY,
    "--deviation.patient.pseudonym-key=" + PSEUDONYM_KEY,
    "--logging.level.root=warn",
    // ops also carries the MedControl PRO integration (OutboxDrainBenchmark); it stays out of
    // these figures, which were measured without its outbox row per registration.
    "--spring.autoconfigure.exclude=se.samla.deviation.medcontrol.MedControlConfiguration",
  };

  private final ConfigurableApplicationContext context;
  private final Path dataDirectory;
  private final int port;

  private BenchmarkDatabase(ConfigurableApplicationContext context, Path dataDirectory) {
    this.context = context;
    this.dataDirectory = dataDirectory;
    this.port = context.getBean(EmbeddedPostgres.class).getPort();
  }

  /**
   * Boots the core on a fresh embedded PostgreSQL and installs the test care landscape. The data
   * directory is a new temporary one that this class owns, prints and removes in {@link #close()}
   * (before core bound the setting as a string, an empty value fell back to {@code data/postgres}).
   */
  static BenchmarkDatabase start() {
    Path dataDirectory;
    try {
      dataDirectory = Files.createTempDirectory("benchmark-postgres-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] arguments = Arrays.copyOf(PROPERTIES, PROPERTIES.length + 1);
    arguments[PROPERTIES.length] = "--deviation.embedded-database.data-directory=" + dataDirectory;
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Application.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .run(arguments);
    TestCare.install(context.getBean(MasterData.class));
    BenchmarkDatabase database = new BenchmarkDatabase(context, dataDirectory);
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

  /**
   * Commits and tuples of this database so far, from {@code pg_stat_database}, and the CPU time
   * used so far by this JVM and by the PostgreSQL server's processes.
   */
  DatabaseCounters counters() {
    long jvmCpuNanos =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long serverCpuMillis = serverCpuMillis();
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
        ((Number) row.get("tup_fetched")).longValue(),
        jvmCpuNanos / 1_000_000,
        serverCpuMillis);
  }

  /**
   * User and system CPU of the postmaster, its live children (backends, WAL writer, checkpointer)
   * and its exited children (pgbench's backends), from Linux's {@code /proc}; -1 elsewhere.
   */
  private long serverCpuMillis() {
    try {
      Path dataDirectory = Path.of(jdbc().queryForObject("show data_directory", String.class));
      String postmaster =
          Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip();
      long ticks = 0;
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        for (Path process : processes.toList()) {
          String pid = process.getFileName().toString();
          if (!pid.chars().allMatch(Character::isDigit)) {
            continue;
          }
          String[] stat;
          try {
            String line = Files.readString(process.resolve("stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            stat = line.substring(line.lastIndexOf(')') + 2).split(" ");
          } catch (IOException gone) {
            continue;
          }
          // stat[1] is the parent pid; stat[11..14] are utime, stime, cutime, cstime.
          if (pid.equals(postmaster)) {
            ticks += sum(stat, 11, 15);
          } else if (stat[1].equals(postmaster)) {
            ticks += sum(stat, 11, 13);
          }
        }
      }
      return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long sum(String[] fields, int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += Long.parseLong(fields[i]);
    }
    return sum;
  }

  private void describe() {
    JdbcTemplate jdbc = jdbc();
    System.out.printf(
        "# Embedded PostgreSQL %s: jdbc:postgresql://localhost:%d/postgres (user postgres, no"
            + " password, data in %s); fsync=%s, synchronous_commit=%s, shared_buffers=%s%n",
        jdbc.queryForObject("show server_version", String.class),
        port,
        dataDirectory,
        jdbc.queryForObject("show fsync", String.class),
        jdbc.queryForObject("show synchronous_commit", String.class),
        jdbc.queryForObject("show shared_buffers", String.class));
  }

  @Override
  public void close() {
    context.close();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      System.out.println("# Could not remove " + dataDirectory + ": " + e);
    }
  }

  private static String key(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Cumulative database counters; subtract two to get what happened in between. */
  record DatabaseCounters(
      long commits,
      long rollbacks,
      long inserted,
      long updated,
      long fetched,
      long jvmCpuMillis,
      long serverCpuMillis) {

    DatabaseCounters minus(DatabaseCounters before) {
      return new DatabaseCounters(
          commits - before.commits,
          rollbacks - before.rollbacks,
          inserted - before.inserted,
          updated - before.updated,
          fetched - before.fetched,
          jvmCpuMillis - before.jvmCpuMillis,
          serverCpuMillis < 0 || before.serverCpuMillis < 0
              ? -1
              : serverCpuMillis - before.serverCpuMillis);
    }

    /** One line with each counter per {@code operations}. */
    String per(long operations, String operation) {
      double n = Math.max(1, operations);
      return ("%d %ss: %.2f commits, %.2f rows inserted, %.2f updated, %.1f fetched;"
              + " CPU ms: %.3f in this JVM, %.3f in PostgreSQL per %s")
          .formatted(
              operations,
              operation,
              commits / n,
              inserted / n,
              updated / n,
              fetched / n,
              jvmCpuMillis / n,
              serverCpuMillis / n,
              operation);
    }
  }

  /** The smallest application around the core: no web, no scheduling, no demo data. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(CoreConfiguration.class)
  static class Application {}
}
