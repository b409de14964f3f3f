package se.samla.deviation.medcontrol.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The simulator's controllable time: a delegate clock, or a frozen instant, plus an offset. */
final class SimulatorClock {

  private Clock delegate;
  private Instant frozenAt;
  private Duration offset = Duration.ZERO;

  SimulatorClock(Clock delegate) {
    this.delegate = delegate;
  }

  /** Now, to the millisecond, as MedControl PRO would stamp it. */
  synchronized Instant now() {
    Instant base = frozenAt != null ? frozenAt : delegate.instant();
    return base.plus(offset).truncatedTo(ChronoUnit.MILLIS);
  }

  synchronized void set(Clock clock) {
    this.delegate = clock;
    this.frozenAt = null;
    this.offset = Duration.ZERO;
  }

  synchronized void freezeAt(Instant instant) {
    this.frozenAt = instant;
    this.offset = Duration.ZERO;
  }

  synchronized void advance(Duration duration) {
    this.offset = offset.plus(duration);
  }
}
