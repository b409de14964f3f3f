package se.samla.deviation.medcontrol.sync;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.client.RemoteCallException;

/**
 * The outbound side's steps, called by the Camel route: claim due rows, push each, and settle each
 * by how it went. Settling is always conditional on the claim token, so an instance that lost its
 * claim (its lease ran out while it was slow) changes nothing.
 */
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final Outbox outbox;
  private final Inbox inbox;
  private final SyncControl control;
  private final OutboundSync outbound;
  private final RetryPolicy retry;
  private final SyncMetrics metrics;
  private final TransactionTemplate tx;
  private final MedControlProperties config;
  private final Clock clock;

  OutboxRelay(
      Outbox outbox,
      Inbox inbox,
      SyncControl control,
      OutboundSync outbound,
      RetryPolicy retry,
      SyncMetrics metrics,
      TransactionTemplate tx,
      MedControlProperties config,
      Clock clock) {
    this.outbox = outbox;
    this.inbox = inbox;
    this.control = control;
    this.outbound = outbound;
    this.retry = retry;
    this.metrics = metrics;
    this.tx = tx;
    this.config = config;
    this.clock = clock;
  }

  /** Claims the due rows, unless the sync is off or paused by an operator. */
  public List<OutboxClaim> claim() {
    if (!config.enabled()) {
      return List.of();
    }
    return tx.execute(
        status ->
            control.paused()
                ? List.of()
                : outbox.claim(config.batchSize(), clock.instant(), config.lease()));
  }

  /** Sends one claimed deviation and marks it sent; failures go to the route's error handling. */
  public void push(OutboxClaim claim) {
    OutboundSync.Result result = outbound.push(claim);
    Instant now = clock.instant();
    if (outbox.completeSent(claim, now)) {
      metrics.pushed(result, claim.createdAt(), now);
    } else {
      metrics.claimLost();
      log.info("outbox item {} was taken over by another instance before it completed", claim.id());
    }
  }

  /** A failed push: DEAD when a resend cannot help or the limits are reached, else later. */
  public void failed(OutboxClaim claim, Exception failure) {
    Instant now = clock.instant();
    if (failure instanceof CallNotPermittedException || failure instanceof RequestNotPermitted) {
      // Not attempted: the breaker is open or we are over our own rate. No attempt is spent.
      outbox.postpone(claim, now.plus(postponement(failure)), now);
      metrics.postponed(
          failure instanceof CallNotPermittedException ? "breaker_open" : "rate_limited");
      return;
    }
    Integer status = null;
    Duration retryAfter = null;
    boolean permanent = false;
    String error;
    if (failure instanceof RemoteCallException remote) {
      status = remote.status().orElse(null);
      retryAfter = remote.retryAfter().orElse(null);
      permanent =
          remote.kind() == RemoteCallException.Kind.PERMANENT
              || remote.kind() == RemoteCallException.Kind.NOT_FOUND;
      error = remote.getMessage();
    } else {
      error = "internal: " + failure.getClass().getSimpleName();
      log.error("outbox item {} failed inside the service", claim.id(), failure);
    }
    int attempts = claim.attempts() + 1;
    if (permanent || retry.exhausted(attempts, claim.createdAt(), now)) {
      outbox.markDead(claim, status, error, now);
      metrics.dead(status);
      log.warn(
          "outbox item {} for deviation {} is DEAD after {} attempts: {}",
          claim.id(),
          claim.deviationId(),
          attempts,
          error);
      return;
    }
    outbox.retryLater(claim, retry.nextAttempt(attempts, retryAfter, now), status, error, now);
    metrics.retried(status);
    log.info("outbox item {} attempt {} failed, retrying later: {}", claim.id(), attempts, error);
  }

  /**
   * Drops history older than the retention: SENT outbox rows and inbox rows. DEAD rows stay until
   * an operator replays them. Runs on every instance, harmlessly twice.
   */
  public int purgeHistory() {
    Instant before = clock.instant().minus(config.retention());
    Integer purged = tx.execute(s -> outbox.purgeSentBefore(before) + inbox.purgeBefore(before));
    if (purged != null && purged > 0) {
      log.info("purged {} sync ledger rows older than {}", purged, config.retention());
    }
    return purged == null ? 0 : purged;
  }

  /** Claiming itself failed (the database is away): nothing was claimed, the next round retries. */
  public void claimFailed(Exception failure) {
    metrics.claimFailed();
    log.warn("claiming outbox items failed: {}", failure.toString());
  }

  private Duration postponement(Exception failure) {
    if (failure instanceof CallNotPermittedException) {
      return config.circuitBreaker().openDuration();
    }
    return Duration.ofSeconds(1);
  }
}
