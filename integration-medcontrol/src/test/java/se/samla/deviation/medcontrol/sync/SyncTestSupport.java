package se.samla.deviation.medcontrol.sync;

import static org.awaitility.Awaitility.await;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.medcontrol.application.MedControlOperations;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.core.medcontrol.application.MedControlWorkflow;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.Ledger;
import se.samla.deviation.medcontrol.SimulatorInitializer;
import se.samla.deviation.medcontrol.client.MedControlClient;
import se.samla.deviation.medcontrol.routes.MedControlRoutes;
import se.samla.deviation.medcontrol.simulator.MedControlCase;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;
import se.samla.deviation.medcontrol.simulator.RemoteCases;

/**
 * What the inbound and operator tests share: the beans they drive, the simulator, and helpers over
 * the ledger, the deviations and the change-feed route. In this package for the package-private
 * sync beans.
 */
abstract class SyncTestSupport {

  static final Duration WITHIN = Duration.ofSeconds(20);

  @Autowired DeviationWorkflow workflow;
  @Autowired MedControlWorkflow medControl;
  @Autowired MasterData masterData;
  @Autowired JdbcTemplate jdbc;
  @Autowired SyncControl syncControl;
  @Autowired FeedCursor feedCursor;
  @Autowired InboundSync inbound;
  @Autowired ChangeFeedPoller poller;
  @Autowired OutboxRelay relay;
  @Autowired SyncAdministration admin;
  @Autowired MedControlClient client;
  @Autowired CamelContext camel;

  final MedControlSimulator sim = SimulatorInitializer.simulator();
  Ledger ledger;

  @BeforeEach
  void setUpSync() {
    TestCare.install(masterData);
    ledger = new Ledger(jdbc);
    sim.faults().clear();
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
  }

  /**
   * A case registered in MedControl PRO from the ward to home care A, with a risk (K2×S3); a test
   * may leave it out, as the contract allows, and the case then arrives not assessed.
   */
  MedControlCase remoteCaseForUs() {
    return remoteCaseForUs(c -> {});
  }

  MedControlCase remoteCaseForUs(Consumer<RemoteCases.NewCase> more) {
    return sim.remote()
        .createCase(
            c -> {
              c.reportingUnit(TestCare.WARD)
                  .receivingUnit(TestCare.HOME_CARE_A)
                  .category("SAM-04")
                  .consequence(2)
                  .probability(3)
                  .description("Läkemedelslistan saknades vid överrapportering");
              more.accept(c);
            });
  }

  /** Waits until the remote case has become a deviation here. */
  UUID imported(String caseId) {
    return await("case " + caseId + " imported")
        .atMost(WITHIN)
        .until(() -> ledger.deviationOfCase(caseId), Objects::nonNull);
  }

  /** Registers a deviation here, from the ward to home care A. */
  UUID registerHere() {
    return workflow
        .register(aDeviation().patient(TestPatients.ADULT).build(), Personas.wardNurse())
        .id();
  }

  /** Waits until the deviation's case exists in MedControl PRO; returns its case id. */
  String synced(UUID id) {
    await("created in MedControl PRO").atMost(WITHIN).until(() -> ledger.sent(id));
    return ledger.caseId(id);
  }

  MedControlSnapshot here(UUID id) {
    return medControl.snapshot(id).orElseThrow();
  }

  int events(UUID id, String type) {
    return jdbc.queryForObject(
        "select count(*) from deviation_event where deviation_id = ? and type = ?",
        Integer.class,
        id,
        type);
  }

  int deviationsOfCase(String caseId) {
    return jdbc.queryForObject(
        "select count(*) from deviation where medcontrol_case_id = ?", Integer.class, caseId);
  }

  int inboxRows(String caseId) {
    return jdbc.queryForObject(
        "select count(*) from medcontrol_inbox where case_id = ?", Integer.class, caseId);
  }

  Optional<String> cursor() {
    return Optional.ofNullable(
        jdbc.queryForObject(
            "select cursor from medcontrol_cursor where name = 'changes'", String.class));
  }

  /** Stops the leader's change-feed route so that a test alone drives the poller. */
  void stopChangeFeedRoute() throws Exception {
    camel.getRouteController().stopRoute(MedControlRoutes.CHANGE_FEED_ROUTE);
  }

  void startChangeFeedRoute() throws Exception {
    camel.getRouteController().startRoute(MedControlRoutes.CHANGE_FEED_ROUTE);
  }

  /** Polls by hand until a poll reads nothing new past the cursor (the feed is drained). */
  void drainFeed() {
    for (int i = 0; i < 20; i++) {
      String before = cursor().orElse(null);
      poller.pollOnce();
      if (java.util.Objects.equals(before, cursor().orElse(null))) {
        return;
      }
    }
  }

  /** Waits for the first open conflict of the deviation and returns it. */
  MedControlOperations.Conflict awaitOpenConflict(UUID id, String what) {
    return await(what)
        .atMost(WITHIN)
        .until(
            () ->
                admin.conflicts(true, 500).stream()
                    .filter(c -> c.deviationId().equals(id))
                    .findFirst()
                    .orElse(null),
            Objects::nonNull);
  }
}
