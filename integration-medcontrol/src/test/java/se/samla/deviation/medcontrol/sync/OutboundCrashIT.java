package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.core.medcontrol.application.MedControlWorkflow;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;

/**
 * An instance dying in the middle of a send, driven by hand: the sync is paused so the background
 * relay stays away, rows are claimed through {@link Outbox}, pushed through {@link OutboundSync},
 * and "the crash" is simply not completing the claim. Lease expiry is simulated by claiming again
 * with a later clock.
 */
@MedControlIntegrationTest
class OutboundCrashIT extends OutboundTestSupport {

  private static final Duration LEASE = Duration.ofSeconds(30);

  @Autowired OutboundSync outbound;
  @Autowired MedControlWorkflow medControl;

  @AfterEach
  void resumeSync() {
    administration.resume(OPERATOR);
  }

  /**
   * The remote answered 2xx and the link was written, then the instance died before marking the row
   * sent. Defence: the link (written right after the answer, before completion) makes the next
   * claimer update instead of create, and the dead claimer's token no longer completes anything.
   */
  @Test
  void aCrashAfterTheRemoteCreatedTheCaseAndBeforeMarkingSentCreatesNoSecondCase() {
    pauseSync();
    Set<String> keysBefore = createKeys();
    UUID id = register();

    OutboxClaim crashed = claimByHand(id, Instant.now(), LEASE);
    assertThat(crashed).isNotNull();
    assertThat(outbound.push(crashed)).isEqualTo(OutboundSync.Result.CREATED);
    assertThat(casesOf(id)).hasSize(1);
    assertThat(ledger.latestState(id)).isEqualTo("IN_FLIGHT");

    assertThat(claimByHand(id, Instant.now(), LEASE)).as("leased, not claimable").isNull();
    OutboxClaim next = claimByHand(id, Instant.now().plus(LEASE).plusSeconds(1), LEASE);
    assertThat(next).as("claimable once the lease ran out").isNotNull();
    assertThat(next.id()).isEqualTo(crashed.id());
    outbound.push(next);
    assertThat(outbox.completeSent(next, Instant.now())).isTrue();
    assertThat(outbox.completeSent(crashed, Instant.now())).isFalse();

    assertThat(ledger.latestState(id)).isEqualTo("SENT");
    assertThat(casesOf(id)).hasSize(1);
    Set<String> keys = newKeys(keysBefore);
    assertThat(keys).hasSize(1);
    assertThat(sim.createsWithKey(keys.iterator().next())).isEqualTo(1);
    assertThat(ledger.caseId(id)).isEqualTo(remoteOf(id).id());
  }

  /**
   * The narrower window: the remote created the case but the instance died before writing the link,
   * and no failure was recorded (attempts stay 0, so no lookup happens). Defence: the
   * Idempotency-Key derived from the deviation, which MedControl PRO answers with the case it
   * created before.
   */
  @Test
  void aCrashAfterTheRemoteCreatedTheCaseAndBeforeLinkingIsResolvedByTheIdempotencyKey() {
    pauseSync();
    int createdBefore = sim.successfulCreates();
    UUID id = register();

    OutboxClaim crashed = claimByHand(id, Instant.now(), LEASE);
    assertThat(crashed).isNotNull();
    // What the crashed instance did before dying: OutboundSync's create, without what follows.
    MedControlSnapshot deviation = medControl.snapshot(id).orElseThrow();
    UUID key = CaseMapping.key("create", id.toString(), String.valueOf(deviation.version()));
    client.create(CaseMapping.toCreate(deviation), key);
    assertThat(casesOf(id)).hasSize(1);
    assertThat(ledger.caseId(id)).isNull();

    OutboxClaim next = claimByHand(id, Instant.now().plus(LEASE).plusSeconds(1), LEASE);
    assertThat(next).isNotNull();
    assertThat(next.attempts()).as("no failure was recorded: no lookup").isZero();
    outbound.push(next);
    assertThat(outbox.completeSent(next, Instant.now())).isTrue();

    assertThat(ledger.latestState(id)).isEqualTo("SENT");
    assertThat(sim.createsWithKey(key.toString())).as("the resend used the same key").isEqualTo(2);
    assertThat(sim.successfulCreates() - createdBefore).isEqualTo(1);
    assertThat(casesOf(id)).hasSize(1);
    assertThat(ledger.caseId(id)).isEqualTo(remoteOf(id).id());
  }

  /**
   * Claimed, then the instance died before calling MedControl PRO. Defence: an IN_FLIGHT row whose
   * lease ran out is claimable again; the background relay then sends it once.
   */
  @Test
  void aCrashAfterClaimAndBeforeTheCallIsSentOnceAfterTheLease() {
    pauseSync();
    Set<String> keysBefore = createKeys();
    UUID id = register();

    OutboxClaim abandoned = claimByHand(id, Instant.now(), Duration.ofMillis(500));
    assertThat(abandoned).isNotNull();
    assertThat(ledger.latestState(id)).isEqualTo("IN_FLIGHT");
    administration.resume(OPERATOR);

    awaitSent(id);
    assertThat(outbox.completeSent(abandoned, Instant.now())).isFalse();
    assertThat(ledger.outbox(id)).hasSize(1);
    assertThat(casesOf(id)).hasSize(1);
    Set<String> keys = newKeys(keysBefore);
    assertThat(keys).hasSize(1);
    assertThat(sim.createsWithKey(keys.iterator().next())).isEqualTo(1);
  }
}
