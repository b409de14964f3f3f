package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.deviation.application.AssignDeviationCommand;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.deviation.application.MedControlLink;
import se.samla.deviation.core.deviation.application.MedControlLinks;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.Ledger;
import se.samla.deviation.medcontrol.SimulatorInitializer;
import se.samla.deviation.medcontrol.simulator.MedControlCase;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;

/**
 * What the outbound fault and crash tests share: fixtures, the simulator with its faults cleared
 * around each test, and helpers over the ledger. Lives in the sync package so that tests can drive
 * {@link Outbox} and {@link OutboundSync} by hand.
 */
abstract class OutboundTestSupport {

  static final Duration WITHIN = Duration.ofSeconds(20);
  static final String OPERATOR = TestCare.REGION_COORDINATOR;

  @Autowired DeviationWorkflow workflow;
  @Autowired MasterData masterData;
  @Autowired JdbcTemplate jdbc;
  @Autowired SyncAdministration administration;
  @Autowired Outbox outbox;
  @Autowired MedControlLinks syncStatus;

  final MedControlSimulator sim = SimulatorInitializer.simulator();
  Ledger ledger;

  @BeforeEach
  void prepare() {
    TestCare.install(masterData);
    ledger = new Ledger(jdbc);
    sim.faults().clear();
    administration.resume(OPERATOR);
    // Start from a quiet ledger: nothing of earlier tests still on its way (request counts and
    // breaker state are shared).
    await("earlier tests' outbox items settled")
        .atMost(WITHIN)
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from medcontrol_outbox where state in ('PENDING','IN_FLIGHT')",
                        Integer.class)
                    == 0);
    // The breaker is shared too: a half-open one closes only on traffic, which a quiet test may
    // not make. Start each test closed (the tests that need it open make it open themselves).
    if (breaker.getState() != CircuitBreaker.State.CLOSED) {
      breaker.transitionToClosedState();
    }
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
    administration.resume(OPERATOR);
  }

  @Autowired se.samla.deviation.medcontrol.client.MedControlClient client;
  @Autowired CircuitBreaker breaker;

  String breakerState() {
    return client.breakerState().name();
  }

  /**
   * Pauses the sync for a test that drives steps by hand, and lets a relay or poll round that
   * checked the switch just before it finish (a round checks it once, at its start).
   */
  void pauseSync() {
    administration.pause(OPERATOR);
    Duration aRound = Duration.ofMillis(500);
    await("the sync stays paused for a round")
        .during(aRound)
        .atMost(aRound.multipliedBy(3))
        .until(() -> administration.overview().paused());
  }

  UUID register() {
    return workflow
        .register(
            aDeviation().patient(TestPatients.TOLVAN_TOLVANSSON).build(), Personas.wardNurse())
        .id();
  }

  void assign(UUID id, String handlerHsaId) {
    workflow.assign(
        new AssignDeviationCommand(id, handlerHsaId, null), Personas.homeCareHandlerA());
  }

  UUID registerAndAwaitSent() {
    UUID id = register();
    awaitSent(id);
    return id;
  }

  void awaitSent(UUID id) {
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(ledger.sent(id))
                    .as("sent to MedControl PRO; outbox: %s", ledger.outbox(id))
                    .isTrue());
  }

  /** The remote cases carrying this deviation as source reference. */
  List<MedControlCase> casesOf(UUID id) {
    return sim.cases().stream().filter(c -> id.toString().equals(c.sourceReference())).toList();
  }

  MedControlCase remoteOf(UUID id) {
    List<MedControlCase> cases = casesOf(id);
    if (cases.size() != 1) {
      throw new AssertionError("expected one remote case, found " + cases.size());
    }
    return sim.caseById(cases.get(0).id()).orElseThrow();
  }

  Set<String> createKeys() {
    return new HashSet<>(sim.distinctCreateKeys());
  }

  /** The create keys that appeared since {@code before}. */
  Set<String> newKeys(Set<String> before) {
    Set<String> now = createKeys();
    now.removeAll(before);
    return now;
  }

  MedControlLink status(UUID id) {
    return syncStatus.of(List.of(id)).get(id);
  }

  Map<String, Object> latestRow(UUID id) {
    List<Map<String, Object>> rows = ledger.outbox(id);
    return rows.get(rows.size() - 1);
  }

  int requests(String method, String template) {
    return sim.requestCount(method, template);
  }

  /**
   * Claims this deviation's due outbox row by hand (the sync must be paused so the background relay
   * stays away); other due rows that came along are handed back untouched.
   */
  OutboxClaim claimByHand(UUID id, Instant now, Duration lease) {
    OutboxClaim mine = null;
    for (OutboxClaim c : outbox.claim(500, now, lease)) {
      if (c.deviationId().equals(id)) {
        mine = c;
      } else {
        outbox.postpone(c, Instant.now(), Instant.now());
      }
    }
    return mine;
  }
}
