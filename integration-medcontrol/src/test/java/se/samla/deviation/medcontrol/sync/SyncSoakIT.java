package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.deviation.application.AcceptAnswerCommand;
import se.samla.deviation.core.deviation.application.AnswerDeviationCommand;
import se.samla.deviation.core.deviation.application.AssignDeviationCommand;
import se.samla.deviation.core.deviation.application.CommentDeviationCommand;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.deviation.application.RequestInformationCommand;
import se.samla.deviation.core.deviation.application.SupplyInformationCommand;
import se.samla.deviation.core.deviation.domain.Visibility;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.medcontrol.application.MedControlWorkflow;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.Ledger;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.SimulatorInitializer;
import se.samla.deviation.medcontrol.client.MedControlClient;
import se.samla.deviation.medcontrol.simulator.MedControlCase;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;

/**
 * A randomized soak: random faults, delays and edits on both sides for a while, then a healthy
 * remote, then the invariants. The seed is printed; rerun one with {@code -Dsoak.seed=N} (the
 * background timing still varies, so a rerun is similar, not identical).
 */
@MedControlIntegrationTest
class SyncSoakIT {

  static final long SEED = Long.getLong("soak.seed", 20261123L);
  static final Duration CHAOS = Duration.ofSeconds(25);
  static final Duration QUIESCENCE = Duration.ofSeconds(30);

  @Autowired DeviationWorkflow workflow;
  @Autowired MasterData masterData;
  @Autowired JdbcTemplate jdbc;
  @Autowired MedControlWorkflow medControl;
  @Autowired MedControlClient client;
  @Autowired MedControlProperties config;
  @Autowired SyncMetrics metrics;
  @Autowired Clock clock;

  MedControlSimulator sim = SimulatorInitializer.simulator();
  Ledger ledger;
  Random random;

  final List<UUID> local = new ArrayList<>();
  final List<String> remoteCreated = new ArrayList<>();
  int localEdits;
  int remoteEdits;
  int faults;

  @BeforeEach
  void setUp() {
    TestCare.install(masterData);
    ledger = new Ledger(jdbc);
    sim.faults().clear();
  }

  @AfterEach
  void heal() throws InterruptedException {
    sim.faults().clear();
  }

  /**
   * Defences, together: the create-or-lookup by source reference (at most one case per deviation),
   * the outbox and its retries (nothing lost, all sent once healthy), If-Match with re-read and
   * merge on 412, the inbox dedupe and three-way merge with conflicts (fields agree or an OPEN
   * conflict says why), and the change-feed cursor (every remote-created case arrives).
   */
  @Test
  void underRandomFaultsAndEditsOnBothSidesNothingIsLostOrDuplicatedAndEverythingSettles()
      throws InterruptedException {
    System.out.println("SyncSoakIT seed " + SEED + " (rerun with -Dsoak.seed=" + SEED + ")");
    random = new Random(SEED);
    // The sync under test runs: this instance leads and its change-feed poll has run.
    await("the change feed polled")
        .atMost(Duration.ofSeconds(10))
        .until(() -> metrics.lastPoll() != null);
    sim.faults().randomErrorRate(0.15, SEED);

    long until = System.nanoTime() + CHAOS.toNanos();
    while (System.nanoTime() < until) {
      int dice = random.nextInt(100);
      if (dice < 15 || local.isEmpty()) {
        register();
      } else if (dice < 22) {
        createRemotely();
      } else if (dice < 60) {
        editLocally();
      } else if (dice < 92) {
        editRemotely();
      } else {
        injectFault();
      }
      Thread.sleep(40 + random.nextInt(100)); // a person's pace, not a wait for a condition
    }
    System.out.printf(
        "SyncSoakIT: %d registered here, %d created remotely, %d local edits, %d remote edits,"
            + " %d queued faults, with a 15%% random error rate%n",
        local.size(), remoteCreated.size(), localEdits, remoteEdits, faults);

    sim.faults().clear();
    long healed = System.nanoTime();
    try {
      await("the sync settles after the remote heals")
          .atMost(QUIESCENCE)
          .until(() -> unsettled() == null);
    } finally {
      System.out.printf(
          "SyncSoakIT: after healing, %s after %d ms%n",
          unsettled() == null ? "settled" : "still unsettled: " + unsettled(),
          Duration.ofNanos(System.nanoTime() - healed).toMillis());
    }

    List<UUID> all = new ArrayList<>(local);
    for (String caseId : remoteCreated) {
      UUID deviation = ledger.deviationOfCase(caseId);
      assertThat(deviation).as("remote-created case %s has a deviation here", caseId).isNotNull();
      all.add(deviation);
    }

    // At most (and, with nothing lost, exactly) one remote case per deviation.
    Map<String, Long> casesPerReference =
        sim.cases().stream()
            .map(MedControlCase::sourceReference)
            .filter(r -> r != null)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    for (UUID id : local) {
      assertThat(casesPerReference.get(id.toString())).as("cases of deviation %s", id).isEqualTo(1);
      String caseId = ledger.caseId(id);
      assertThat(caseId).as("link of %s", id).isNotNull();
      assertThat(sim.caseById(caseId).orElseThrow().sourceReference()).isEqualTo(id.toString());
    }

    // Every outbox item sent; nothing DEAD (no permanent 4xx is provoked here); none too old.
    List<Map<String, Object>> unsettled =
        jdbc.queryForList(
            "select state, attempts, last_http_status, last_error from medcontrol_outbox"
                + " where deviation_id = any(?) and state <> 'SENT'",
            (Object) all.toArray(UUID[]::new));
    assertThat(unsettled).as("outbox items not SENT").isEmpty();
    Integer tooOld =
        jdbc.queryForObject(
            "select count(*) from medcontrol_outbox where state in ('PENDING', 'IN_FLIGHT')"
                + " and created_at < ?",
            Integer.class,
            java.sql.Timestamp.from(clock.instant().minus(config.retry().maxAge())));
    assertThat(tooOld).as("pending items older than the max age").isZero();

    // The shared fields agree on both sides, unless an OPEN conflict holds that field.
    int conflicts = 0;
    for (UUID id : all) {
      String caseId = ledger.caseId(id);
      Map<SharedField, String> here = CaseMapping.shared(medControl.snapshot(id).orElseThrow());
      Map<SharedField, String> there = CaseMapping.shared(client.get(caseId));
      List<String> open =
          ledger.openConflicts(id).stream().map(r -> (String) r.get("field")).toList();
      conflicts += open.size();
      for (SharedField field : SharedField.values()) {
        if (!open.contains(field.key())) {
          assertThat(here.get(field))
              .as("%s of deviation %s (case %s) on both sides", field, id, caseId)
              .isEqualTo(there.get(field));
        }
      }
    }
    System.out.printf(
        "SyncSoakIT: %d deviations settled, %d open conflicts%n", all.size(), conflicts);
  }

  /**
   * No active outbox row of ours, every remote-created case linked, every case's newest version
   * seen.
   */
  private String unsettled() {
    List<UUID> ids = new ArrayList<>(local);
    for (String caseId : remoteCreated) {
      UUID d = ledger.deviationOfCase(caseId);
      if (d == null) {
        return "remote-created case " + caseId + " not imported, inbox: " + inbox(caseId);
      }
      ids.add(d);
    }
    Integer active =
        jdbc.queryForObject(
            "select count(*) from medcontrol_outbox where deviation_id = any(?)"
                + " and state in ('PENDING', 'IN_FLIGHT')",
            Integer.class,
            (Object) ids.toArray(UUID[]::new));
    if (active != 0) {
      return active
          + " outbox rows active: "
          + jdbc.queryForList(
              "select id, state, attempts, next_attempt_at, last_http_status, last_error"
                  + " from medcontrol_outbox where deviation_id = any(?)"
                  + " and state in ('PENDING', 'IN_FLIGHT')",
              (Object) ids.toArray(UUID[]::new));
    }
    for (UUID id : ids) {
      String caseId = ledger.caseId(id);
      if (caseId == null) {
        return "deviation " + id + " not linked";
      }
      long version = sim.caseById(caseId).orElseThrow().version();
      if (ledger.inboxOutcome(caseId, version) == null) {
        return "case " + caseId + " version " + version + " not seen, inbox: " + inbox(caseId);
      }
    }
    return null;
  }

  private List<Map<String, Object>> inbox(String caseId) {
    return jdbc.queryForList(
        "select version, outcome, detail from medcontrol_inbox where case_id = ? order by version",
        caseId);
  }

  private void register() {
    local.add(
        workflow
            .register(
                aDeviation().patient(TestPatients.TOLVAN_TOLVANSSON).build(), Personas.wardNurse())
            .id());
  }

  private void createRemotely() {
    remoteCreated.add(
        sim.remote()
            .createCase(
                c ->
                    c.reportingUnit(TestCare.WARD)
                        .receivingUnit(TestCare.HOME_CARE_A)
                        .consequence(1 + random.nextInt(4))
                        .probability(1 + random.nextInt(4)))
            .id());
  }

  /** A random step of the workflow on a random deviation; refused steps are part of the game. */
  private void editLocally() {
    UUID id = anyDeviation();
    if (id == null) {
      return;
    }
    Actor handler = Personas.homeCareHandlerA();
    Actor reporter = Personas.wardNurse();
    try {
      switch (random.nextInt(6)) {
        case 0 -> workflow.assign(new AssignDeviationCommand(id, null, null), handler);
        case 1 ->
            workflow.comment(
                new CommentDeviationCommand(id, "Soak comment", Visibility.SHARED, null), handler);
        case 2 ->
            workflow.requestInformation(
                new RequestInformationCommand(id, "Soak question?", null), handler);
        case 3 ->
            workflow.supplyInformation(
                new SupplyInformationCommand(id, "Soak reply", null), reporter);
        case 4 ->
            workflow.answer(
                new AnswerDeviationCommand(
                    id, "Investigated " + random.nextInt(5), "Causes", "Measures", null),
                handler);
        default -> workflow.accept(new AcceptAnswerCommand(id, null), reporter);
      }
      localEdits++;
    } catch (RuntimeException refused) {
      // Not allowed in the deviation's current state, or a concurrent change: nothing happened.
    }
  }

  private void editRemotely() {
    String caseId = anyCase();
    if (caseId == null) {
      return;
    }
    try {
      switch (random.nextInt(4)) {
        case 0 ->
            sim.remote()
                .update(
                    caseId,
                    ch ->
                        ch.handler(TestCare.HOME_CARE_A_SECOND_HANDLER, "Andra Handläggare")
                            .status("IN_PROGRESS"));
        case 1 ->
            sim.remote()
                .update(caseId, ch -> ch.handler(TestCare.HOME_CARE_A_HANDLER, "Handläggare"));
        case 2 ->
            sim.remote()
                .update(
                    caseId,
                    ch ->
                        ch.answer(
                                "Remote investigation " + random.nextInt(5),
                                "Remote causes",
                                "Remote measures",
                                sim.now())
                            .status("ANSWERED"));
        default -> sim.remote().update(caseId, ch -> ch.comment("Remote soak comment"));
      }
      remoteEdits++;
    } catch (IllegalArgumentException refused) {
      // MedControl PRO's own rules refused it.
    }
  }

  private void injectFault() {
    switch (random.nextInt(6)) {
      case 0 -> sim.faults().delayNext(1, Duration.ofMillis(200 + random.nextInt(500)));
      case 1 -> sim.faults().resetNext(1, random.nextBoolean());
      case 2 -> sim.faults().garbleNext(1, true);
      case 3 -> sim.faults().emptyNext(1, true);
      case 4 -> sim.faults().failNext(1, 503);
      default -> sim.faults().failNext(1, 429, 1);
    }
    faults++;
  }

  private UUID anyDeviation() {
    int n = local.size() + remoteCreated.size();
    int i = random.nextInt(n);
    return i < local.size()
        ? local.get(i)
        : ledger.deviationOfCase(remoteCreated.get(i - local.size()));
  }

  private String anyCase() {
    int n = local.size() + remoteCreated.size();
    int i = random.nextInt(n);
    return i < local.size() ? ledger.caseId(local.get(i)) : remoteCreated.get(i - local.size());
  }
}
