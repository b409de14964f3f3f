package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.medcontrol.application.MedControlWorkflow;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;
import se.samla.deviation.medcontrol.MedControlTestApplication;
import se.samla.deviation.medcontrol.SimulatorInitializer;
import se.samla.deviation.medcontrol.simulator.MedControlCase;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;

/**
 * Two application instances on one database share the outbox. The shared test context is one
 * instance; a second one is started on its database, with the same simulator.
 */
@MedControlIntegrationTest
class TwoInstancesIT {

  static final int DEVIATIONS = 200;

  @Autowired DeviationWorkflow workflow;
  @Autowired MasterData masterData;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired MeterRegistry meters;
  @Autowired SyncAdministration administration;
  @Autowired MedControlWorkflow medControl;
  @Autowired Clock clock;

  MedControlSimulator sim = SimulatorInitializer.simulator();

  @BeforeEach
  @AfterEach
  void clearFaults() {
    sim.faults().clear();
  }

  /** A second instance of the application (no web) on the same database and simulator. */
  static ConfigurableApplicationContext secondInstance(DataSource dataSource, String... more) {
    HikariDataSource hikari = (HikariDataSource) dataSource;
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + hikari.getPassword(),
                "--spring.flyway.enabled=false"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(MedControlTestApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .initializers(new SimulatorInitializer())
        .run(args.toArray(String[]::new));
  }

  /**
   * Defences: claiming with FOR UPDATE SKIP LOCKED and a claim token (without them both instances
   * push the same rows: a create key requested twice, or two remote cases for one deviation), and a
   * deterministic create key per deviation and version.
   */
  @Test
  void twoInstancesDrainTwoHundredDeviationsOnceEachWithoutDeadlocks() {
    TestCare.install(masterData);
    try (ConfigurableApplicationContext second = secondInstance(dataSource)) {
      // Core's test-jar gives each context its own MutableClock; an instance whose clock is behind
      // the other's would find no row due. Both start from the same instant here.
      if (clock instanceof MutableClock ours
          && second.getBean(Clock.class) instanceof MutableClock theirs) {
        theirs.set(ours.instant());
      }
      MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
      double firstBefore = successfulPushes(meters);
      double secondBefore = successfulPushes(secondMeters);
      double claimFailuresBefore = claimFailures(meters) + claimFailures(secondMeters);

      List<UUID> ids = new ArrayList<>();
      administration.pause("SE2321000016-TEST");
      try {
        for (int i = 0; i < DEVIATIONS; i++) {
          ids.add(
              workflow
                  .register(
                      aDeviation().patient(TestPatients.TOLVAN_TOLVANSSON).build(),
                      Personas.wardNurse())
                  .id());
        }
      } finally {
        administration.resume("SE2321000016-TEST");
      }

      await("all " + DEVIATIONS + " deviations sent")
          .atMost(Duration.ofSeconds(40))
          .until(() -> unsent(ids) == 0);

      // Exactly one remote case per deviation.
      Set<String> references = ids.stream().map(UUID::toString).collect(Collectors.toSet());
      Map<String, Long> casesPerDeviation =
          sim.cases().stream()
              .map(MedControlCase::sourceReference)
              .filter(references::contains)
              .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
      assertThat(casesPerDeviation).hasSize(DEVIATIONS);
      assertThat(casesPerDeviation.values()).allMatch(n -> n == 1);

      // Each create key was requested once (nothing pushed twice).
      for (UUID id : ids) {
        long version = medControl.snapshot(id).orElseThrow().version();
        String key = CaseMapping.key("create", id.toString(), String.valueOf(version)).toString();
        assertThat(sim.createsWithKey(key)).as("creates with the key of %s", id).isEqualTo(1);
      }

      // Nothing DEAD, no deadlock or serialization failure on any row, no failed claim.
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "select state, last_error from medcontrol_outbox where deviation_id = any(?)",
              (Object) ids.toArray(UUID[]::new));
      assertThat(rows).hasSize(DEVIATIONS);
      assertThat(rows).allMatch(r -> "SENT".equals(r.get("state")));
      assertThat(rows)
          .noneMatch(
              r ->
                  r.get("last_error") != null
                      && r.get("last_error").toString().toLowerCase().contains("deadlock"));
      assertThat(claimFailures(meters) + claimFailures(secondMeters))
          .isEqualTo(claimFailuresBefore);

      double byFirst = successfulPushes(meters) - firstBefore;
      double bySecond = successfulPushes(secondMeters) - secondBefore;
      // Informational: the split depends on scheduling; only the sum is asserted.
      System.out.printf(
          "TwoInstancesIT: pushes by the first instance %.0f, by the second %.0f%n",
          byFirst, bySecond);
      assertThat(byFirst + bySecond).isGreaterThanOrEqualTo(DEVIATIONS);
    }
  }

  private int unsent(List<UUID> ids) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from medcontrol_outbox where deviation_id = any(?)"
                + " and state <> 'SENT'",
            Integer.class,
            (Object) ids.toArray(UUID[]::new));
    Integer rows =
        jdbc.queryForObject(
            "select count(*) from medcontrol_outbox where deviation_id = any(?)",
            Integer.class,
            (Object) ids.toArray(UUID[]::new));
    return n + (ids.size() - rows);
  }

  static double successfulPushes(MeterRegistry registry) {
    return registry.find("medcontrol.push").tag("status", "2xx").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  static double claimFailures(MeterRegistry registry) {
    return registry.find("medcontrol.claim.failures").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
