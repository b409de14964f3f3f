package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.Registrations;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.Resolution;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;

/**
 * The ledger's fences, table by table, each in a transaction that is rolled back at the end: the
 * running sync never sees these rows, and a test sees only its own. Outbox rows are made for
 * deviation ids that exist only in the rolled-back transaction (the foreign key is checked at
 * commit, which never comes).
 */
@MedControlIntegrationTest
class LedgerFencesIT {

  static final Duration LEASE = Duration.ofSeconds(30);

  @Autowired Outbox outbox;
  @Autowired Inbox inbox;
  @Autowired FeedCursor cursor;
  @Autowired Conflicts conflicts;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DeviationWorkflow workflow;
  @Autowired MasterData masterData;

  /**
   * Defence: every settlement names the claim token and requires IN_FLIGHT. A claimer whose lease
   * ran out and whose row was claimed again can neither complete, retry, postpone nor kill it.
   */
  @Test
  void aSettlementWithAStaleClaimTokenChangesNothing() {
    inRolledBackTransaction(
        t0 -> {
          UUID deviation = UUID.randomUUID();
          outbox.enqueue(deviation, t0);
          OutboxClaim stale = claimed(deviation, t0);
          assertThat(claimed(deviation, t0.plusSeconds(1))).as("leased").isNull();
          Instant afterLease = t0.plus(LEASE).plusSeconds(1);
          OutboxClaim current = claimed(deviation, afterLease);
          assertThat(current.id()).isEqualTo(stale.id());
          assertThat(current.token()).isNotEqualTo(stale.token());

          Instant later = afterLease.plusSeconds(1);
          assertThat(outbox.completeSent(stale, later)).isFalse();
          assertThat(outbox.retryLater(stale, later, 503, "late", later)).isFalse();
          assertThat(outbox.postpone(stale, later, later)).isFalse();
          assertThat(outbox.markDead(stale, 422, "late", later)).isFalse();
          Map<String, Object> row = row(stale.id());
          assertThat(row.get("state")).isEqualTo("IN_FLIGHT");
          assertThat(row.get("claim_token")).isEqualTo(current.token());
          assertThat(row.get("attempts")).isEqualTo(0);
          assertThat(row.get("last_error")).isNull();

          assertThat(outbox.completeSent(current, later)).isTrue();
          assertThat(row(stale.id()).get("state")).isEqualTo("SENT");
          assertThat(outbox.completeSent(current, later)).as("settled once").isFalse();
          assertThat(outbox.markDead(current, 422, "after", later)).isFalse();
          assertThat(row(stale.id()).get("state")).isEqualTo("SENT");
        });
  }

  /** Defence: a change that arrives while its row is in flight is not lost by the completion. */
  @Test
  void aChangeThatArrivedInFlightKeepsTheRowPending() {
    inRolledBackTransaction(
        t0 -> {
          UUID deviation = UUID.randomUUID();
          outbox.enqueue(deviation, t0);
          OutboxClaim claim = claimed(deviation, t0);
          outbox.enqueue(deviation, t0.plusSeconds(1));
          assertThat(outbox.completeSent(claim, t0.plusSeconds(2))).isTrue();

          Map<String, Object> row = row(claim.id());
          assertThat(row.get("state")).isEqualTo("PENDING");
          assertThat(row.get("claim_token")).isNull();
          assertThat(
                  jdbc.queryForObject(
                      "select count(*) from medcontrol_outbox where deviation_id = ?",
                      Integer.class,
                      deviation))
              .as("coalesced into the one active row")
              .isEqualTo(1);
        });
  }

  /** Defence: a DEAD row is replayed once; a row that is not DEAD is not replayed. */
  @Test
  void onlyADeadRowIsReplayed() {
    inRolledBackTransaction(
        t0 -> {
          UUID deviation = UUID.randomUUID();
          outbox.enqueue(deviation, t0);
          OutboxClaim claim = claimed(deviation, t0);
          assertThat(outbox.replay(claim.id(), t0)).as("in flight").isFalse();
          assertThat(outbox.markDead(claim, 422, "refused", t0)).isTrue();
          assertThat(row(claim.id()).get("state")).isEqualTo("DEAD");

          assertThat(outbox.replay(claim.id(), t0.plusSeconds(1))).isTrue();
          assertThat(row(claim.id()).get("state")).isEqualTo("PENDING");
          assertThat(outbox.replay(claim.id(), t0.plusSeconds(2))).as("no longer DEAD").isFalse();
        });
  }

  /**
   * Defence: the cursor moves by compare-and-set, so a poller that read an older value cannot move
   * it (backwards or anywhere). The row is locked first so that the leader's poll waits meanwhile.
   */
  @Test
  void theCursorRefusesAStaleExpectedValue() {
    inRolledBackTransaction(
        t0 -> {
          jdbc.queryForList(
              "select cursor from medcontrol_cursor where name = 'changes' for update");
          String read = cursor.current().orElse(null);

          assertThat(cursor.advance(read, "fence-1", t0)).isTrue();
          assertThat(cursor.advance(read, "fence-2", t0)).as("stale").isFalse();
          assertThat(cursor.current()).contains("fence-1");
          assertThat(cursor.advance("fence-1", "fence-2", t0)).isTrue();
          assertThat(cursor.current()).contains("fence-2");
        });
  }

  /** Defence: the inbox key; a (case, version) seen before is refused and keeps its outcome. */
  @Test
  void anInboxItemIsRecordedOnce() {
    inRolledBackTransaction(
        t0 -> {
          String caseId = "FENCE-" + UUID.randomUUID();
          assertThat(inbox.record(caseId, 3, InboxOutcome.UNCHANGED, null, null, t0)).isTrue();
          inbox.setOutcome(caseId, 3, InboxOutcome.APPLIED, null, null);
          assertThat(inbox.record(caseId, 3, InboxOutcome.REJECTED, null, "again", t0)).isFalse();
          assertThat(
                  jdbc.queryForObject(
                      "select outcome from medcontrol_inbox where case_id = ? and version = 3",
                      String.class,
                      caseId))
              .isEqualTo("APPLIED");
        });
  }

  /** Defence: one open conflict per field, refreshed not duplicated, and resolved only once. */
  @Test
  void aConflictStaysOneRowPerFieldAndIsResolvedOnce() {
    TestCare.install(masterData);
    UUID deviation =
        workflow.register(Registrations.aDeviation().build(), Personas.wardNurse()).id();
    inRolledBackTransaction(
        t0 -> {
          String caseId = "FENCE-" + UUID.randomUUID();
          conflicts.open(deviation, caseId, SharedField.HANDLER, "b", "l1", "r1", 2, t0);
          conflicts.open(deviation, caseId, SharedField.HANDLER, "b", "l2", "r2", 3, t0);
          assertThat(conflicts.openFields(deviation)).containsExactly(SharedField.HANDLER);
          Long id =
              jdbc.queryForObject(
                  "select id from medcontrol_conflict where deviation_id = ?",
                  Long.class,
                  deviation);
          Conflicts.Open open = conflicts.findOpen(id).orElseThrow();
          assertThat(open.remoteValue()).isEqualTo("r2");

          assertThat(conflicts.resolve(id, Resolution.LOCAL, "SE-OP", t0)).isTrue();
          assertThat(conflicts.resolve(id, Resolution.REMOTE, "SE-OP", t0)).isFalse();
          assertThat(conflicts.findOpen(id)).isEmpty();
          assertThat(conflicts.openFields(deviation)).isEmpty();
        });
  }

  private OutboxClaim claimed(UUID deviation, Instant now) {
    return outbox.claim(500, now, LEASE).stream()
        .filter(c -> c.deviationId().equals(deviation))
        .findFirst()
        .orElse(null);
  }

  private Map<String, Object> row(long id) {
    return jdbc.queryForMap("select * from medcontrol_outbox where id = ?", id);
  }

  /** Runs the steps in one transaction that is rolled back, with a start time of its own. */
  private void inRolledBackTransaction(Consumer<Instant> steps) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              status.setRollbackOnly();
              steps.accept(Instant.now());
            });
  }
}
