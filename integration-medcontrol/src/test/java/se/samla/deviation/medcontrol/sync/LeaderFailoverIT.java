package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.Ledger;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;
import se.samla.deviation.medcontrol.SimulatorInitializer;
import se.samla.deviation.medcontrol.simulator.MedControlCase;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;

/**
 * Leadership of the change-feed poll moves to another instance when the leader goes away, within
 * the leader lease (test config: 3 s). The shared test context's own candidate is stopped for the
 * test, so two instances started here on its database are the only candidates. The two instances
 * are started once for the class (a context start costs seconds on a small machine): the stuck
 * leader first, which leaves both running, then the graceful stop, which closes one.
 */
@MedControlIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderFailoverIT {

  static final Duration LEASE = Duration.ofSeconds(3);
  static final Duration TAKEOVER = LEASE.plusSeconds(5);

  @Autowired MasterData masterData;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Autowired
  @Qualifier("medControlLeaderInitiator")
  LockRegistryLeaderInitiator sharedCandidate;

  MedControlSimulator sim = SimulatorInitializer.simulator();
  Ledger ledger;
  ConfigurableApplicationContext a;
  ConfigurableApplicationContext b;

  @BeforeAll
  void twoInstances() {
    TestCare.install(masterData);
    ledger = new Ledger(jdbc);
    sim.faults().clear();
    sharedCandidate.stop();
    String suspendable = "--spring.datasource.hikari.allow-pool-suspension=true";
    CompletableFuture<ConfigurableApplicationContext> first =
        CompletableFuture.supplyAsync(() -> TwoInstancesIT.secondInstance(dataSource, suspendable));
    b = TwoInstancesIT.secondInstance(dataSource, suspendable);
    a = first.join();
  }

  @AfterAll
  void stopInstances() {
    for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
      if (c != null && c.isActive()) {
        pool(c).getHikariPoolMXBean().resumePool();
        c.close();
      }
    }
    sharedCandidate.start();
  }

  /**
   * Defences: the leader initiator (exactly one leader), its heartbeat renewing the JDBC lock
   * (without renewal the lock expires after the lease and leadership flaps), unlocking on a
   * graceful stop, and the poll route started on the new leader.
   */
  @Test
  @Order(2)
  void whenTheLeaderStopsTheOtherInstanceTakesOverWithinTheLeaseAndImportsNewCases() {
    ConfigurableApplicationContext leader = awaitOneLeader();
    ConfigurableApplicationContext other = leader == a ? b : a;

    // Held beyond twice the lease without flapping, the lock row's timestamp moving on.
    Timestamp renewedAt = lockRow().get("created_date") instanceof Timestamp t ? t : null;
    await()
        .during(LEASE.multipliedBy(2))
        .atMost(LEASE.multipliedBy(3))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              assertThat(metrics(leader).isLeader()).as("the leader keeps its leadership").isTrue();
              assertThat(metrics(other).isLeader()).as("the other stays a follower").isFalse();
            });
    assertThat((Timestamp) lockRow().get("created_date")).isAfter(renewedAt);

    long stoppedAt = System.nanoTime();
    leader.close();
    await("the other instance leads").atMost(TAKEOVER).until(() -> metrics(other).isLeader());
    System.out.printf(
        "LeaderFailoverIT: graceful takeover after %d ms%n",
        Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis());

    assertImportedBy(other);
  }

  /**
   * A leader that cannot reach the database (its pool suspended: no renewal, no unlock) loses the
   * change feed to the other instance once the lease has run out. Defence: the lease (time-to-live)
   * on the lock row; without it the other would wait forever.
   */
  @Test
  @Order(1)
  void whenTheLeaderCannotRenewTheOtherTakesOverAfterTheLease() {
    ConfigurableApplicationContext leader = awaitOneLeader();
    ConfigurableApplicationContext other = leader == a ? b : a;

    long stuckAt = System.nanoTime();
    pool(leader).getHikariPoolMXBean().suspendPool();
    await("the other instance leads").atMost(TAKEOVER).until(() -> metrics(other).isLeader());
    long takeoverMillis = Duration.ofNanos(System.nanoTime() - stuckAt).toMillis();
    System.out.printf(
        "LeaderFailoverIT: takeover from a stuck leader after %d ms%n", takeoverMillis);

    assertImportedBy(other);

    // Back on the database, the old leader finds the lock taken and steps down.
    pool(leader).getHikariPoolMXBean().resumePool();
    await("the old leader steps down").atMost(TAKEOVER).until(() -> !metrics(leader).isLeader());
    assertThat(metrics(other).isLeader()).isTrue();
  }

  private void assertImportedBy(ConfigurableApplicationContext instance) {
    double before = created(instance);
    MedControlCase remote =
        sim.remote()
            .createCase(
                c ->
                    c.reportingUnit(TestCare.WARD)
                        .receivingUnit(TestCare.HOME_CARE_A)
                        .consequence(2)
                        .probability(2));
    await("the remote case imported")
        .atMost(Duration.ofSeconds(10))
        .until(() -> ledger.deviationOfCase(remote.id()) != null);
    assertThat(created(instance)).as("imported by the new leader").isGreaterThan(before);
  }

  private ConfigurableApplicationContext awaitOneLeader() {
    await("exactly one leader")
        .atMost(TAKEOVER)
        .until(() -> metrics(a).isLeader() ^ metrics(b).isLeader());
    ConfigurableApplicationContext leader = metrics(a).isLeader() ? a : b;
    // Leadership granted while the instance was starting must still start the poll.
    await("the leader polls the change feed")
        .atMost(Duration.ofSeconds(5))
        .until(() -> metrics(leader).lastPoll() != null);
    return leader;
  }

  private Map<String, Object> lockRow() {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select client_id, created_date from int_lock where region = 'medcontrol'");
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private static SyncMetrics metrics(ConfigurableApplicationContext c) {
    return c.getBean(SyncMetrics.class);
  }

  private static HikariDataSource pool(ConfigurableApplicationContext c) {
    return (HikariDataSource) c.getBean(DataSource.class);
  }

  private static double created(ConfigurableApplicationContext c) {
    return c
        .getBean(MeterRegistry.class)
        .find("medcontrol.inbound")
        .tag("outcome", "created")
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
