package se.samla.deviation.core.deviation.domain;

/** Consequence (konsekvens) on the Swedish 4×4 risk matrix; NONE means no harm and no risk cell. */
public enum Consequence {
  NONE(0),
  MINOR(1),
  MODERATE(2),
  SIGNIFICANT(3),
  CATASTROPHIC(4);

  private final int level;

  Consequence(int level) {
    this.level = level;
  }

  public int level() {
    return level;
  }

  public static Consequence ofLevel(int level) {
    for (Consequence c : values()) {
      if (c.level == level) {
        return c;
      }
    }
    throw new IllegalArgumentException("consequence level must be 0..4");
  }
}
