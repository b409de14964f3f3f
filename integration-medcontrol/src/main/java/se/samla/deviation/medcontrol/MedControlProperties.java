package se.samla.deviation.medcontrol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MedControl PRO connection and the sync's limits ({@code medcontrol.*}).
 *
 * @param enabled whether the sync runs at all; off, nothing is sent or polled but changes still
 *     queue in the outbox so that nothing is lost while it is off
 * @param baseUrl the API's root, e.g. https://medcontrol.example.se (paths /api/v1/... below it)
 * @param tokenUrl the OAuth 2.0 token endpoint (client credentials)
 * @param connectTimeout how long to wait for a TCP connection
 * @param responseTimeout how long to wait for a whole response
 * @param batchSize outbox rows claimed per relay round
 * @param concurrency outbox rows sent at the same time by one instance
 * @param relayInterval pause between relay rounds
 * @param pollInterval pause between change-feed polls (leader only)
 * @param pageSize change-feed items per page (2..500: the feed repeats the item its cursor points
 *     at)
 * @param maxPagesPerPoll pages read in one poll before yielding
 * @param leaderLease how long a dead leader blocks the others from taking over the poll
 * @param lease how long a claimed outbox row belongs to its claimer before others may take it
 * @param retry backoff and the limits after which an item is DEAD
 * @param rateLimit calls per second to MedControl PRO from one instance
 * @param circuitBreaker when to stop calling a failing MedControl PRO
 * @param retention how long SENT outbox rows and inbox rows are kept (history and dedupe)
 */
@Validated
@ConfigurationProperties("medcontrol")
public record MedControlProperties(
    @DefaultValue("false") boolean enabled,
    URI baseUrl,
    URI tokenUrl,
    String clientId,
    String clientSecret,
    @DefaultValue("cases.read cases.write") String scope,
    @DefaultValue("2s") @NotNull Duration connectTimeout,
    @DefaultValue("10s") @NotNull Duration responseTimeout,
    @DefaultValue("50") @Min(1) @Max(500) int batchSize,
    @DefaultValue("4") @Min(1) @Max(64) int concurrency,
    @DefaultValue("1s") @NotNull Duration relayInterval,
    @DefaultValue("5s") @NotNull Duration pollInterval,
    @DefaultValue("100") @Min(2) @Max(500) int pageSize,
    @DefaultValue("10") @Min(1) int maxPagesPerPoll,
    @DefaultValue("30s") @NotNull Duration leaderLease,
    @DefaultValue("2m") @NotNull Duration lease,
    @Valid @DefaultValue Retry retry,
    @DefaultValue("20") @Min(1) int rateLimit,
    @Valid @DefaultValue CircuitBreaker circuitBreaker,
    @DefaultValue("90d") @NotNull Duration retention) {

  /**
   * Exponential backoff with jitter: the n-th retry waits about {@code initialBackoff * 2^(n-1)},
   * at most {@code maxBackoff}, spread by ±{@code jitter}; a Retry-After from the remote is a
   * floor. An item is DEAD after {@code maxAttempts} failed attempts or when its oldest change is
   * older than {@code maxAge}.
   */
  public record Retry(
      @DefaultValue("2s") @NotNull Duration initialBackoff,
      @DefaultValue("10m") @NotNull Duration maxBackoff,
      @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
      @DefaultValue("25") @Min(1) int maxAttempts,
      @DefaultValue("3d") @NotNull Duration maxAge) {}

  /**
   * Opens when at least {@code failureRateThreshold} percent of the last {@code windowSize} calls
   * failed (timeouts, resets, 5xx, 429), stays open {@code openDuration}, then lets a few calls
   * through to test the water.
   */
  public record CircuitBreaker(
      @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
      @DefaultValue("20") @Min(2) int windowSize,
      @DefaultValue("10") @Min(1) int minimumCalls,
      @DefaultValue("30s") @NotNull Duration openDuration) {}
}
