package se.samla.deviation.medcontrol.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Counts over the sync ledger at one moment, for gauges, health and the operator overview. */
public record SyncSnapshot(
    Instant takenAt,
    Map<String, Long> outboxByState,
    Duration oldestPending,
    long openConflicts,
    long rejectedInbound) {

  /** Reads a snapshot from the database. */
  interface Source {
    SyncSnapshot take(Instant now);
  }

  static SyncSnapshot unknown(Instant now) {
    return new SyncSnapshot(now, Map.of(), null, -1, -1);
  }

  double count(String state) {
    return outboxByState.getOrDefault(state, 0L);
  }

  double oldestPendingSeconds() {
    return oldestPending == null ? 0 : oldestPending.toMillis() / 1000.0;
  }
}
