package se.samla.deviation.medcontrol.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.OutboxState;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.client.MedControlClient;

/**
 * MedControl PRO as seen from here: DOWN while the circuit breaker is open, OUT_OF_SERVICE while
 * paused, with the backlog, dead items and the last poll as details. Deliberately not part of the
 * liveness or readiness groups: a remote outage must neither restart us nor take us out of the load
 * balancer, since everything queues in the outbox meanwhile.
 */
class MedControlHealthIndicator extends AbstractHealthIndicator {

  private final MedControlClient client;
  private final SyncMetrics metrics;
  private final SyncControl control;
  private final MedControlProperties config;
  private final Clock clock;

  MedControlHealthIndicator(
      MedControlClient client,
      SyncMetrics metrics,
      SyncControl control,
      MedControlProperties config,
      Clock clock) {
    super("MedControl PRO health check failed");
    this.client = client;
    this.metrics = metrics;
    this.control = control;
    this.config = config;
    this.clock = clock;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    if (!config.enabled()) {
      health.unknown().withDetail("enabled", false);
      return;
    }
    SyncSnapshot s = metrics.current();
    String breaker = client.breakerState().name();
    if (control.paused()) {
      health.outOfService();
    } else if ("OPEN".equals(breaker) || "FORCED_OPEN".equals(breaker)) {
      health.down();
    } else {
      health.up();
    }
    Instant lastPoll = metrics.lastPoll();
    health
        .withDetail("circuitBreaker", breaker)
        .withDetail(
            "pending", (long) s.count(OutboxState.PENDING) + (long) s.count(OutboxState.IN_FLIGHT))
        .withDetail("dead", (long) s.count(OutboxState.DEAD))
        .withDetail("oldestPendingSeconds", (long) s.oldestPendingSeconds())
        .withDetail("openConflicts", s.openConflicts())
        .withDetail("leader", metrics.isLeader())
        .withDetail(
            "secondsSinceLastPoll",
            lastPoll == null ? -1 : Duration.between(lastPoll, clock.instant()).toSeconds());
  }
}
