package se.samla.deviation.medcontrol.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import se.samla.deviation.medcontrol.MedControlProperties;

/**
 * When to try a failed item again, and when to give up: exponential backoff from the configured
 * start, capped, spread by jitter so that many items failing together do not return together, and
 * never sooner than a Retry-After the remote asked for.
 */
final class RetryPolicy {

  private final MedControlProperties.Retry config;
  private final DoubleSupplier random;

  RetryPolicy(MedControlProperties.Retry config, DoubleSupplier random) {
    this.config = config;
    this.random = random;
  }

  /**
   * The time of the next attempt after the {@code attempts}-th failure (1 for the first).
   *
   * @param retryAfter what the remote asked for, or null
   */
  Instant nextAttempt(int attempts, Duration retryAfter, Instant now) {
    double exponential =
        config.initialBackoff().toMillis() * Math.pow(2, Math.max(0, Math.min(attempts - 1, 30)));
    double capped = Math.min(exponential, config.maxBackoff().toMillis());
    double spread = 1 + config.jitter() * (2 * random.getAsDouble() - 1);
    Duration wait = Duration.ofMillis(Math.max(0, Math.round(capped * spread)));
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter;
    }
    return now.plus(wait);
  }

  /** Whether an item that has failed {@code attempts} times since {@code since} is DEAD. */
  boolean exhausted(int attempts, Instant since, Instant now) {
    return attempts >= config.maxAttempts()
        || Duration.between(since, now).compareTo(config.maxAge()) >= 0;
  }
}
