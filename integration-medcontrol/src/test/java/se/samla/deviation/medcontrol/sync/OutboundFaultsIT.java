package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.core.deviation.application.CommentDeviationCommand;
import se.samla.deviation.core.deviation.application.MedControlSyncState;
import se.samla.deviation.core.deviation.domain.Visibility;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.simulator.Faults;
import se.samla.deviation.medcontrol.simulator.MedControlCase;

/**
 * The outbound side against a misbehaving MedControl PRO: each test injects one kind of fault and
 * shows that the deviation still arrives exactly once, or ends where an operator can see it. The
 * background relay does the work unless a test says otherwise.
 */
@MedControlIntegrationTest
class OutboundFaultsIT extends OutboundTestSupport {

  private static final String CASES = "/api/v1/cases";
  private static final String CASE = "/api/v1/cases/{id}";

  @Autowired MedControlProperties config;

  private Faults onCreate() {
    return sim.faults().onPath("POST", CASES);
  }

  /** Defence: the create key is derived from the deviation, so every retry carries the same one. */
  @Test
  void aCreateAnswered503TwiceIsRetriedWithTheSameIdempotencyKey() {
    Set<String> keysBefore = createKeys();
    onCreate().failNext(2, 503);

    UUID id = registerAndAwaitSent();

    Set<String> keys = newKeys(keysBefore);
    assertThat(keys).hasSize(1);
    assertThat(sim.createsWithKey(keys.iterator().next())).isEqualTo(3);
    assertThat(casesOf(id)).hasSize(1);
    assertThat(ledger.caseId(id)).isEqualTo(remoteOf(id).id());
  }

  /**
   * The create is processed but answered after the response timeout. Defence: a retry after an
   * unknown outcome looks the source reference up first (or the key replays the earlier create).
   */
  @Test
  void aCreateWhoseAnswerTimesOutIsNotDuplicated() {
    assertThat(config.responseTimeout()).isLessThan(Duration.ofMillis(1500));
    Set<String> keysBefore = createKeys();
    int createdBefore = sim.successfulCreates();
    int lookupsBefore = requests("GET", CASES);
    onCreate().delayNext(1, Duration.ofMillis(1500));

    UUID id = registerAndAwaitSent();

    assertThat(sim.faults().pending()).isZero();
    assertThat(casesOf(id)).hasSize(1);
    assertThat(sim.successfulCreates() - createdBefore).isEqualTo(1);
    Set<String> keys = newKeys(keysBefore);
    assertThat(keys).hasSize(1);
    int creates = sim.createsWithKey(keys.iterator().next());
    boolean lookedUp = requests("GET", CASES) > lookupsBefore;
    assertThat(lookedUp || creates == 2)
        .as("the second attempt was resolved by lookup or by the key's replay")
        .isTrue();
    assertThat(ledger.caseId(id)).isEqualTo(remoteOf(id).id());
  }

  /** Defence: after a reset the source-reference lookup finds the case; no second create. */
  @Test
  void aResetAfterTheCreateIsResolvedBySourceReferenceLookup() {
    Set<String> keysBefore = createKeys();
    int createdBefore = sim.successfulCreates();
    int lookupsBefore = requests("GET", CASES);
    onCreate().resetNext(1, true);

    UUID id = registerAndAwaitSent();

    assertThat(requests("GET", CASES)).isGreaterThan(lookupsBefore);
    Set<String> keys = newKeys(keysBefore);
    assertThat(keys).hasSize(1);
    assertThat(sim.createsWithKey(keys.iterator().next()))
        .as("found by lookup, not created again")
        .isEqualTo(1);
    assertThat(sim.successfulCreates() - createdBefore).isEqualTo(1);
    assertThat(casesOf(id)).hasSize(1);
    assertThat(ledger.caseId(id)).isEqualTo(remoteOf(id).id());
  }

  /**
   * Answers that cannot be read after the create was applied. Defence: an unreadable answer is a
   * transient failure with an unknown outcome, resolved by the lookup on the next attempt.
   */
  @ParameterizedTest
  @ValueSource(strings = {"empty", "garbled", "chunk-broken"})
  void anUnreadableAnswerToAppliedCreateEndsInOneCase(String kind) {
    int createdBefore = sim.successfulCreates();
    int lookupsBefore = requests("GET", CASES);
    switch (kind) {
      case "empty" -> onCreate().emptyNext(1, true);
      case "garbled" -> onCreate().garbleNext(1, true);
      default -> onCreate().chunkBreakNext(1, true);
    }

    UUID id = registerAndAwaitSent();

    assertThat(sim.faults().pending()).isZero();
    assertThat(casesOf(id)).hasSize(1);
    assertThat(sim.successfulCreates() - createdBefore).isEqualTo(1);
    assertThat(requests("GET", CASES)).isGreaterThan(lookupsBefore);
    assertThat(status(id).state()).isEqualTo(MedControlSyncState.SENT);
    assertThat(status(id).caseId()).isEqualTo(remoteOf(id).id());
  }

  /**
   * Defence: a 422 is permanent, DEAD at once without retries (a resend cannot help), visible as
   * FAILED, and an operator's replay sends it.
   */
  @Test
  void a422IsDeadAtOnceWithoutRetryAndSentAfterReplay() {
    Set<String> keysBefore = createKeys();
    int postsBefore = requests("POST", CASES);
    onCreate().failNext(1, 422);

    UUID id = register();

    await("DEAD").atMost(WITHIN).until(() -> "DEAD".equals(ledger.latestState(id)));
    Map<String, Object> dead = latestRow(id);
    assertThat(dead.get("attempts")).isEqualTo(1);
    assertThat(dead.get("last_http_status")).isEqualTo(422);
    assertThat(requests("POST", CASES) - postsBefore).isEqualTo(1);
    assertThat(casesOf(id)).isEmpty();
    assertThat(status(id).state()).isEqualTo(MedControlSyncState.FAILED);

    assertThat(administration.replay(((Number) dead.get("id")).longValue(), OPERATOR)).isTrue();

    awaitSent(id);
    assertThat(ledger.outbox(id)).hasSize(1);
    assertThat(casesOf(id)).hasSize(1);
    Set<String> keys = newKeys(keysBefore);
    assertThat(keys).hasSize(1);
    assertThat(sim.createsWithKey(keys.iterator().next())).isEqualTo(2);
    assertThat(status(id).state()).isEqualTo(MedControlSyncState.SENT);
  }

  /**
   * MedControl PRO changes the case between our local change and its send. Defence: the PATCH names
   * the version we merged (If-Match); the 412 makes us read, merge three ways and send again, so
   * our status lands while the handler both sides changed becomes a conflict with both values kept
   * instead of ours overwriting theirs. The sync is paused and the push driven by hand so that the
   * change feed cannot merge the remote change first.
   */
  @Test
  void aPreconditionFailedUpdateIsMergedAndSentAgain() {
    UUID id = registerAndAwaitSent();
    String caseId = ledger.caseId(id);
    pauseSync();
    try {
      assign(id, TestCare.HOME_CARE_A_HANDLER);
      sim.remote()
          .update(caseId, c -> c.handler(TestCare.HOME_CARE_A_SECOND_HANDLER, "Remote Handler"));
      int patchesBefore = requests("PATCH", CASE);
      int readsBefore = requests("GET", CASE);

      OutboxClaim claim = claimByHand(id, Instant.now(), Duration.ofSeconds(30));
      assertThat(claim).isNotNull();
      outbound.push(claim);
      assertThat(outbox.completeSent(claim, Instant.now())).isTrue();

      assertThat(requests("PATCH", CASE) - patchesBefore)
          .as("412, then the merged resend")
          .isEqualTo(2);
      assertThat(requests("GET", CASE) - readsBefore).isEqualTo(1);
      MedControlCase remote = sim.caseById(caseId).orElseThrow();
      assertThat(remote.status()).as("our change landed").isEqualTo("IN_PROGRESS");
      assertThat(remote.handler().hsaId())
          .as("theirs not overwritten")
          .isEqualTo(TestCare.HOME_CARE_A_SECOND_HANDLER);
      List<Map<String, Object>> conflicts = ledger.openConflicts(id);
      assertThat(conflicts).hasSize(1);
      assertThat(conflicts.get(0).get("field")).isEqualTo("handler");
      assertThat(conflicts.get(0).get("local_value")).isEqualTo(TestCare.HOME_CARE_A_HANDLER);
      assertThat(conflicts.get(0).get("remote_value"))
          .isEqualTo(TestCare.HOME_CARE_A_SECOND_HANDLER);
      assertThat(status(id).state()).isEqualTo(MedControlSyncState.CONFLICT);
    } finally {
      administration.resume(OPERATOR);
    }
  }

  @Autowired OutboundSync outbound;

  /** Defence: the next attempt is never sooner than the Retry-After MedControl PRO asked for. */
  @Test
  void aRetryAfterOn429IsRespected() {
    onCreate().failNext(1, 429, 2);

    UUID id = register();

    Map<String, Object> failed =
        await("the 429 recorded")
            .atMost(WITHIN)
            .until(
                () -> {
                  Map<String, Object> row = latestRow(id);
                  return Integer.valueOf(429).equals(row.get("last_http_status"))
                          && "PENDING".equals(row.get("state"))
                      ? row
                      : null;
                },
                Objects::nonNull);
    Instant failedAt = ((Timestamp) failed.get("updated_at")).toInstant();
    Instant next = ((Timestamp) failed.get("next_attempt_at")).toInstant();
    assertThat(next).isAfterOrEqualTo(failedAt.plusSeconds(2));

    awaitSent(id);
    Instant completed = ((Timestamp) latestRow(id).get("completed_at")).toInstant();
    assertThat(completed).isAfterOrEqualTo(failedAt.plusSeconds(2));
    assertThat(casesOf(id)).hasSize(1);
  }

  /**
   * Defence: the circuit breaker. During an outage longer than the whole retry budget (8 attempts
   * with backoff up to 1 s would be spent in about 5 s) the breaker opens and refused calls spend
   * no attempt, so nothing goes DEAD; after recovery everything is sent once.
   */
  @Test
  void aLongOutageOpensTheBreakerWithoutBurningAttempts() {
    int createdBefore = sim.successfulCreates();
    sim.faults().down(true);
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(register());
    }
    Duration outage = Duration.ofSeconds(7);
    long end = System.nanoTime() + outage.toNanos();
    await("the breaker opened")
        .atMost(outage)
        .pollInterval(Duration.ofMillis(25))
        .until(() -> "OPEN".equals(breakerState()));
    // The outage lasts its whole length, longer than the retry budget, and nothing goes DEAD.
    await()
        .during(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())))
        .atMost(outage.plusSeconds(1))
        .untilAsserted(
            () -> {
              for (UUID id : ids) {
                assertThat(ledger.latestState(id)).as("state of %s", id).isNotEqualTo("DEAD");
              }
            });
    for (UUID id : ids) {
      Map<String, Object> row = latestRow(id);
      assertThat(row.get("state")).isNotEqualTo("DEAD");
      assertThat((Integer) row.get("attempts"))
          .as("attempts spent")
          .isBetween(1, config.circuitBreaker().minimumCalls());
      assertThat(row.get("last_http_status")).isEqualTo(503);
    }

    sim.faults().down(false);

    ids.forEach(this::awaitSent);
    for (UUID id : ids) {
      assertThat(casesOf(id)).hasSize(1);
    }
    assertThat(sim.successfulCreates() - createdBefore).isEqualTo(ids.size());
  }

  /** Defence: a 401 drops the cached token, fetches a new one and repeats the call once. */
  @Test
  void anExpiredTokenIsRenewedAndTheChangeStillArrives() {
    UUID id = registerAndAwaitSent();
    String caseId = ledger.caseId(id);
    int tokensBefore = requests("POST", "/oauth2/token");

    sim.expireAllTokens();
    assign(id, TestCare.HOME_CARE_A_HANDLER);

    await("assignment in MedControl PRO")
        .atMost(WITHIN)
        .until(() -> "IN_PROGRESS".equals(sim.caseById(caseId).orElseThrow().status()));
    awaitSent(id);
    assertThat(requests("POST", "/oauth2/token")).isGreaterThan(tokensBefore);
    assertThat(sim.caseById(caseId).orElseThrow().handler().hsaId())
        .isEqualTo(TestCare.HOME_CARE_A_HANDLER);
  }

  /**
   * Defence: the outbox coalesces changes into the deviation's one active row, and a push sends the
   * deviation as it is now, so five edits during an outage become (at most) one or two updates.
   */
  @Test
  void fiveEditsWhileTheRemoteIsDownCoalesceIntoOneUpdate() {
    UUID id = registerAndAwaitSent();
    String caseId = ledger.caseId(id);
    long sentRow = ((Number) latestRow(id).get("id")).longValue();

    sim.faults().down(true);
    int patchesBeforeEdits = requests("PATCH", CASE);
    assign(id, TestCare.HOME_CARE_A_HANDLER);
    comment(id, "first");
    comment(id, "second");
    assign(id, TestCare.HOME_CARE_A_SECOND_HANDLER);
    comment(id, "third");

    List<Map<String, Object>> active =
        ledger.outbox(id).stream()
            .filter(r -> ((Number) r.get("id")).longValue() > sentRow)
            .toList();
    assertThat(active).hasSize(1);
    assertThat(active.get(0).get("changes")).isEqualTo(5);
    // The relay did try while down (so the coalescing happened on a live row).
    await("a failed attempt")
        .atMost(WITHIN)
        .until(() -> requests("PATCH", CASE) > patchesBeforeEdits);

    int patchesBeforeRecovery = requests("PATCH", CASE);
    sim.faults().down(false);

    awaitSent(id);
    assertThat(requests("PATCH", CASE) - patchesBeforeRecovery).isBetween(1, 2);
    MedControlCase remote = sim.caseById(caseId).orElseThrow();
    assertThat(remote.status()).isEqualTo("IN_PROGRESS");
    assertThat(remote.handler().hsaId()).isEqualTo(TestCare.HOME_CARE_A_SECOND_HANDLER);
    assertThat(ledger.outbox(id)).hasSize(2);
  }

  /**
   * Defence: a response timeout well above the remote's normal latency. A slow (300 ms) remote gets
   * everything once: no retries, no duplicates, nothing DEAD.
   */
  @Test
  void aSlowRemoteGetsEverythingOnce() {
    Set<String> keysBefore = createKeys();
    sim.faults().delayAll(Duration.ofMillis(300));
    List<UUID> ids = List.of(register(), register(), register());
    ids.forEach(this::awaitSent);
    assign(ids.get(0), TestCare.HOME_CARE_A_HANDLER);
    await("assignment in MedControl PRO")
        .atMost(WITHIN)
        .until(() -> "IN_PROGRESS".equals(remoteOf(ids.get(0)).status()));
    awaitSent(ids.get(0));

    Set<String> keys = newKeys(keysBefore);
    assertThat(keys).hasSize(3);
    keys.forEach(k -> assertThat(sim.createsWithKey(k)).isEqualTo(1));
    for (UUID id : ids) {
      assertThat(casesOf(id)).hasSize(1);
      assertThat(ledger.outbox(id)).allSatisfy(r -> assertThat(r.get("state")).isEqualTo("SENT"));
    }
  }

  private void comment(UUID id, String text) {
    workflow.comment(
        new CommentDeviationCommand(id, text, Visibility.SHARED, null),
        Personas.homeCareHandlerA());
  }
}
