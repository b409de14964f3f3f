package se.samla.deviation.core.deviation.domain;

/** Probability (sannolikhet) of recurrence on the Swedish 4×4 risk matrix. */
public enum Probability {
  VERY_LOW(1),
  LOW(2),
  HIGH(3),
  VERY_HIGH(4);

  private final int level;

  Probability(int level) {
    this.level = level;
  }

  public int level() {
    return level;
  }

  public static Probability ofLevel(int level) {
    for (Probability p : values()) {
      if (p.level == level) {
        return p;
      }
    }
    throw new IllegalArgumentException("probability level must be 1..4");
  }
}
