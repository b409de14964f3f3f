package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.samla.deviation.medcontrol.MedControlProperties;

class RetryPolicyTest {

  static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  static final MedControlProperties.Retry CONFIG =
      new MedControlProperties.Retry(
          Duration.ofMillis(100), Duration.ofSeconds(1), 0.2, 5, Duration.ofHours(1));

  @Test
  void backoffDoublesFromTheInitialWaitAndIsCapped() {
    RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5); // no spread

    assertThat(waitAfter(policy, 1)).isEqualTo(Duration.ofMillis(100));
    assertThat(waitAfter(policy, 2)).isEqualTo(Duration.ofMillis(200));
    assertThat(waitAfter(policy, 3)).isEqualTo(Duration.ofMillis(400));
    assertThat(waitAfter(policy, 4)).isEqualTo(Duration.ofMillis(800));
    assertThat(waitAfter(policy, 5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(waitAfter(policy, 1000)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterSpreadsWithinPlusMinusTheConfiguredFraction() {
    assertThat(waitAfter(new RetryPolicy(CONFIG, () -> 0.0), 3)).isEqualTo(Duration.ofMillis(320));
    assertThat(waitAfter(new RetryPolicy(CONFIG, () -> 1.0), 3)).isEqualTo(Duration.ofMillis(480));
    assertThat(waitAfter(new RetryPolicy(CONFIG, () -> 0.0), 9)).isEqualTo(Duration.ofMillis(800));
    assertThat(waitAfter(new RetryPolicy(CONFIG, () -> 1.0), 9)).isEqualTo(Duration.ofMillis(1200));
    java.util.Random random = new java.util.Random(42);
    RetryPolicy randomPolicy = new RetryPolicy(CONFIG, random::nextDouble);
    for (int i = 0; i < 1000; i++) {
      assertThat(waitAfter(randomPolicy, 2))
          .isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
    }
  }

  @Test
  void aRetryAfterIsAFloorNotACeiling() {
    RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);

    assertThat(policy.nextAttempt(1, Duration.ofSeconds(5), NOW)).isEqualTo(NOW.plusSeconds(5));
    assertThat(policy.nextAttempt(4, Duration.ofMillis(10), NOW)).isEqualTo(NOW.plusMillis(800));
  }

  @Test
  void exhaustedByAttempts() {
    RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);

    assertThat(policy.exhausted(4, NOW, NOW)).isFalse();
    assertThat(policy.exhausted(5, NOW, NOW)).isTrue();
  }

  @Test
  void exhaustedByAge() {
    RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.5);

    assertThat(policy.exhausted(1, NOW.minus(Duration.ofMinutes(59)), NOW)).isFalse();
    assertThat(policy.exhausted(1, NOW.minus(Duration.ofHours(1)), NOW)).isTrue();
  }

  private static Duration waitAfter(RetryPolicy policy, int attempts) {
    return Duration.between(NOW, policy.nextAttempt(attempts, null, NOW));
  }
}
