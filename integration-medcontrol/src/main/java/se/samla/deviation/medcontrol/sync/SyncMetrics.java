package se.samla.deviation.medcontrol.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.OutboxState;

/**
 * The sync's Micrometer meters. Counters and timers are updated as things happen; the gauges over
 * the ledger (backlog by state, oldest pending age, open conflicts) read a snapshot that is
 * refreshed at most every few seconds, so a scrape never queries the database.
 */
public class SyncMetrics {

  private static final Duration SNAPSHOT_AGE = Duration.ofSeconds(5);
  private static final List<OutboxState> STATES =
      List.of(OutboxState.PENDING, OutboxState.IN_FLIGHT, OutboxState.DEAD);

  private final MeterRegistry registry;
  private final Clock clock;
  private final Timer delivery;
  private final AtomicBoolean leader = new AtomicBoolean();
  private final AtomicReference<Instant> lastPoll = new AtomicReference<>();
  private final AtomicReference<Instant> newestSeen = new AtomicReference<>();
  private final AtomicReference<SyncSnapshot> snapshot = new AtomicReference<>();
  private final SyncSnapshot.Source source;

  SyncMetrics(MeterRegistry registry, SyncSnapshot.Source source, Clock clock) {
    this.registry = registry;
    this.source = source;
    this.clock = clock;
    this.delivery =
        Timer.builder("medcontrol.outbox.delivery")
            .description("From the first queued change of a deviation to MedControl PRO having it")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    for (OutboxState state : STATES) {
      Gauge.builder("medcontrol.outbox.items", () -> current().count(state))
          .description("Outbox rows by state")
          .tag("state", state.name())
          .register(registry);
    }
    Gauge.builder("medcontrol.outbox.oldest.pending.age", () -> current().oldestPendingSeconds())
        .description("Age in seconds of the oldest change not yet in MedControl PRO")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("medcontrol.conflicts.open", () -> current().openConflicts())
        .description("Fields changed on both sides that wait for a person")
        .register(registry);
    Gauge.builder("medcontrol.inbound.rejected", () -> current().rejectedInbound())
        .description("Remote changes that could not be applied")
        .register(registry);
    Gauge.builder("medcontrol.inbound.lag", this::inboundLagSeconds)
        .description("Seconds since the change feed was last read to its end")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("medcontrol.leader", () -> leader.get() ? 1 : 0)
        .description("1 on the instance that polls the change feed")
        .register(registry);
  }

  void pushed(OutboundSync.Result result, Instant queuedAt, Instant now) {
    push(result.name().toLowerCase(), "2xx");
    delivery.record(Duration.between(queuedAt, now));
  }

  void retried(Integer status) {
    push("retry", status == null ? "io" : String.valueOf(status));
  }

  void dead(Integer status) {
    push("dead", status == null ? "io" : String.valueOf(status));
  }

  void postponed(String reason) {
    push("postponed", reason);
  }

  void claimLost() {
    push("claim_lost", "none");
  }

  void claimFailed() {
    Counter.builder("medcontrol.claim.failures").register(registry).increment();
  }

  void inbound(InboundSync.Outcome outcome) {
    Counter.builder("medcontrol.inbound")
        .tag("outcome", outcome.name().toLowerCase())
        .register(registry)
        .increment();
  }

  void conflicts(int count) {
    Counter.builder("medcontrol.conflicts.detected").register(registry).increment(count);
  }

  void polled(Instant at, Instant newestModifiedAt) {
    lastPoll.set(at);
    if (newestModifiedAt != null) {
      newestSeen.set(newestModifiedAt);
    }
  }

  void pollFailed() {
    Counter.builder("medcontrol.poll.failures").register(registry).increment();
  }

  public void leader(boolean isLeader) {
    leader.set(isLeader);
  }

  public boolean isLeader() {
    return leader.get();
  }

  public Instant lastPoll() {
    return lastPoll.get();
  }

  /** The latest ledger snapshot (refreshed when older than a few seconds). */
  public SyncSnapshot current() {
    SyncSnapshot s = snapshot.get();
    Instant now = clock.instant();
    if (s == null || s.takenAt().plus(SNAPSHOT_AGE).isBefore(now)) {
      try {
        s = source.take(now);
        snapshot.set(s);
      } catch (RuntimeException databaseDown) {
        return s != null ? s : SyncSnapshot.unknown(now);
      }
    }
    return s;
  }

  private double inboundLagSeconds() {
    Instant at = lastPoll.get();
    return at == null ? Double.NaN : Duration.between(at, clock.instant()).toMillis() / 1000.0;
  }

  private void push(String outcome, String status) {
    Counter.builder("medcontrol.push")
        .description("Outbound pushes by outcome and HTTP status")
        .tag("outcome", outcome)
        .tag("status", status)
        .register(registry)
        .increment();
  }
}
