package se.samla.deviation.medcontrol.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.OutboxState;

/** Counts over the sync ledger at one moment, for gauges, health and the operator overview. */
public record SyncSnapshot(
    Instant takenAt,
    Map<OutboxState, Long> outboxByState,
    Duration oldestPending,
    long openConflicts,
    long rejectedInbound) {

  /** Reads a snapshot from the database. */
  interface Source {
    SyncSnapshot take(Instant now);
  }

  /** The counts as the tables hold them now. */
  static SyncSnapshot read(Outbox outbox, Conflicts conflicts, Inbox inbox, Instant now) {
    Map<OutboxState, Long> byState = outbox.countOpenByState();
    Duration oldestPending =
        outbox.oldestActive().map(oldest -> Duration.between(oldest, now)).orElse(null);
    return new SyncSnapshot(
        now, byState, oldestPending, conflicts.countOpen(), inbox.countRejected());
  }

  static SyncSnapshot unknown(Instant now) {
    return new SyncSnapshot(now, Map.of(), null, -1, -1);
  }

  double count(OutboxState state) {
    return outboxByState.getOrDefault(state, 0L);
  }

  double oldestPendingSeconds() {
    return oldestPending == null ? 0 : oldestPending.toMillis() / 1000.0;
  }
}
