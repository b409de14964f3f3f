package se.samla.deviation.ops.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.CoreConfiguration;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.Registrations;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.medcontrol.application.MedControlOperations;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;

/**
 * How fast the MedControl PRO outbox drains into the simulator with no faults. Not a JMH benchmark
 * and not run by the build: {@code java -cp ops/target/benchmarks.jar
 * se.samla.deviation.ops.benchmark.OutboxDrainBenchmark [--deviations=10000] [--concurrency=4,8]
 * [--medcontrol.x=y ...]}.
 *
 * <p>For each concurrency: a fresh embedded PostgreSQL, the core with the integration, and the
 * simulator in this JVM on a free port. Two phases:
 *
 * <ol>
 *   <li><b>Backlog</b>: the sync is paused, the deviations are registered through {@link
 *       DeviationWorkflow} (one outbox row each), the sync is resumed, and the time until every row
 *       is SENT gives rows per second.
 *   <li><b>Live</b>: with the sync running, a further tenth of that number is registered one after
 *       another, and the outbox rows' {@code created_at} to {@code completed_at} gives the
 *       register-to-sent latency (p50, p99 by {@code percentile_cont}). The backlog's latencies are
 *       printed too, but they are mostly the time spent paused and queued.
 * </ol>
 *
 * Other {@code --medcontrol.*} arguments are passed on (e.g. {@code --medcontrol.rate-limit=1000}:
 * the default limit of 20 calls per second would otherwise be the only thing measured).
 */
public final class OutboxDrainBenchmark {

  private OutboxDrainBenchmark() {}

  public static void main(String[] args) throws Exception {
    int deviations = 10_000;
    List<Integer> concurrencies = List.of(4);
    List<String> passOn = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--deviations=")) {
        deviations = Integer.parseInt(arg.substring("--deviations=".length()));
      } else if (arg.startsWith("--concurrency=")) {
        concurrencies =
            Arrays.stream(arg.substring("--concurrency=".length()).split(","))
                .map(Integer::parseInt)
                .toList();
      } else if (arg.startsWith("--medcontrol.")) {
        passOn.add(arg);
      } else {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    List<String> results = new ArrayList<>();
    for (int concurrency : concurrencies) {
      results.add(run(deviations, concurrency, passOn));
    }
    System.out.println();
    System.out.println("# Summary (" + String.join(" ", passOn) + ")");
    System.out.println(
        "| concurrency | backlog rows | drain s | rows/s | live rows | live p50 ms | live p99 ms |");
    results.forEach(System.out::println);
    System.exit(0);
  }

  private static String run(int deviations, int concurrency, List<String> passOn) throws Exception {
    Path dataDirectory = Files.createTempDirectory("benchmark-outbox-");
    try (MedControlSimulator sim =
        MedControlSimulator.start(MedControlSimulator.Options.defaults().port(0))) {
      List<String> properties =
          new ArrayList<>(
              List.of(
                  "--spring.config.name=ops-benchmark",
                  "--spring.main.banner-mode=off",
                  "--spring.jmx.enabled=false",
                  "--spring.jpa.open-in-view=false",
                  "--spring.jpa.hibernate.ddl-auto=validate",
                  "--deviation.scheduling.enabled=false",
                  "--deviation.embedded-database.enabled=true",
                  "--deviation.demo-data.enabled=false",
                  "--deviation.patient.active-key-id=bench-1",
                  "--deviation.patient.keys.bench-1=" + key(0xB1),
                  "--deviation.patient.pseudonym-key=" + key(0xB2),
                  "--deviation.embedded-database.data-directory=" + dataDirectory,
                  "--logging.level.root=warn",
                  "--medcontrol.enabled=true",
                  "--medcontrol.base-url=" + sim.baseUrl(),
                  "--medcontrol.token-url=" + sim.tokenUrl(),
                  "--medcontrol.client-id=" + sim.clientId(),
                  "--medcontrol.client-secret=" + sim.clientSecret(),
                  "--medcontrol.concurrency=" + concurrency));
      properties.addAll(passOn);
      try (ConfigurableApplicationContext context =
          new SpringApplicationBuilder(Application.class)
              .web(WebApplicationType.NONE)
              .logStartupInfo(false)
              .run(properties.toArray(String[]::new))) {
        TestCare.install(context.getBean(MasterData.class));
        DeviationWorkflow workflow = context.getBean(DeviationWorkflow.class);
        MedControlOperations sync = context.getBean(MedControlOperations.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        System.out.printf(
            "# concurrency %d, %d deviations, %s%n",
            concurrency, deviations, String.join(" ", passOn));

        sync.pause("SE0000000000-BENCH");
        long registering = System.nanoTime();
        for (int i = 0; i < deviations; i++) {
          register(workflow);
        }
        System.out.printf(
            "# registered %d in %.1f s (sync paused)%n",
            deviations, (System.nanoTime() - registering) / 1e9);
        long resumed = System.nanoTime();
        sync.resume("SE0000000000-BENCH");
        awaitAllSent(jdbc, deviations);
        double drainSeconds = (System.nanoTime() - resumed) / 1e9;
        Map<String, Object> backlog = latencies(jdbc);
        System.out.printf(
            "# backlog: %d rows SENT in %.1f s = %.0f rows/s; created-to-sent p50 %.0f ms,"
                + " p99 %.0f ms (includes the pause)%n",
            deviations,
            drainSeconds,
            deviations / drainSeconds,
            ms(backlog.get("p50")),
            ms(backlog.get("p99")));

        int live = Math.max(1, deviations / 10);
        long liveFrom =
            jdbc.queryForObject("select coalesce(max(id), 0) from medcontrol_outbox", Long.class);
        long liveStart = System.nanoTime();
        for (int i = 0; i < live; i++) {
          register(workflow);
        }
        double registerSeconds = (System.nanoTime() - liveStart) / 1e9;
        awaitAllSent(jdbc, deviations + live);
        Map<String, Object> liveLatency =
            jdbc.queryForMap(
                """
                select percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at)) as p50,
                       percentile_cont(0.99) within group (order by extract(epoch from completed_at - created_at)) as p99,
                       count(*) as n
                from medcontrol_outbox where state = 'SENT' and id > ?
                """,
                liveFrom);
        System.out.printf(
            "# live: %d registered in %.1f s (%.0f/s) while syncing; created-to-sent p50 %.0f ms,"
                + " p99 %.0f ms%n",
            live,
            registerSeconds,
            live / registerSeconds,
            ms(liveLatency.get("p50")),
            ms(liveLatency.get("p99")));
        Integer creates = sim.successfulCreates();
        System.out.printf("# simulator: %d successful creates%n", creates);
        return "| %d | %d | %.1f | %.0f | %d | %.0f | %.0f |"
            .formatted(
                concurrency,
                deviations,
                drainSeconds,
                deviations / drainSeconds,
                live,
                ms(liveLatency.get("p50")),
                ms(liveLatency.get("p99")));
      }
    } finally {
      deleteQuietly(dataDirectory);
    }
  }

  private static void register(DeviationWorkflow workflow) {
    workflow.register(
        Registrations.aDeviation().patient(TestPatients.TOLVAN_TOLVANSSON).build(),
        Personas.wardNurse());
  }

  private static void awaitAllSent(JdbcTemplate jdbc, int expected) throws InterruptedException {
    long lastReport = System.nanoTime();
    while (true) {
      Map<String, Object> counts =
          jdbc.queryForMap(
              "select count(*) filter (where state = 'SENT') as sent,"
                  + " count(*) filter (where state = 'DEAD') as dead from medcontrol_outbox");
      long sent = ((Number) counts.get("sent")).longValue();
      long dead = ((Number) counts.get("dead")).longValue();
      if (dead > 0) {
        throw new IllegalStateException(dead + " outbox rows DEAD: the run is not fault-free");
      }
      if (sent >= expected) {
        return;
      }
      if (System.nanoTime() - lastReport > 10_000_000_000L) {
        System.out.printf("#   %d of %d sent%n", sent, expected);
        lastReport = System.nanoTime();
      }
      Thread.sleep(100);
    }
  }

  private static Map<String, Object> latencies(JdbcTemplate jdbc) {
    return jdbc.queryForMap(
        """
        select percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at)) as p50,
               percentile_cont(0.99) within group (order by extract(epoch from completed_at - created_at)) as p99
        from medcontrol_outbox where state = 'SENT'
        """);
  }

  private static double ms(Object seconds) {
    return seconds == null ? Double.NaN : ((Number) seconds).doubleValue() * 1000;
  }

  private static String key(int seed) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) seed);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void deleteQuietly(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.out.println("# Could not remove " + directory + ": " + e);
    }
  }

  /** The core with the integration (auto-configured), no web: what the application runs. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(CoreConfiguration.class)
  static class Application {}
}
