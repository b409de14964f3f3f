package se.samla.deviation.core.deviation.domain;

import java.util.Objects;

/**
 * A cell of the Swedish 4×4 risk matrix (Socialstyrelsen's model): consequence 1..4 by probability
 * 1..4 gives a score of 1..16; 1–3 is low, 4–6 medium, 8–12 high, 16 very high. Consequence NONE
 * lies outside the matrix and is always low.
 */
public record RiskAssessment(Consequence consequence, Probability probability) {

  public RiskAssessment {
    Objects.requireNonNull(consequence, "consequence");
    Objects.requireNonNull(probability, "probability");
  }

  /** The risk score (riskpoäng), consequence level × probability level; 0 without consequence. */
  public int score() {
    return consequence.level() * probability.level();
  }

  public RiskLevel level() {
    int score = score();
    if (score <= 3) {
      return RiskLevel.LOW;
    }
    if (score <= 6) {
      return RiskLevel.MEDIUM;
    }
    if (score <= 12) {
      return RiskLevel.HIGH;
    }
    return RiskLevel.VERY_HIGH;
  }

  /** The cell as shown to people, e.g. {@code K3×S2} (konsekvens 3, sannolikhet 2). */
  public String cell() {
    return "K" + consequence.level() + "×S" + probability.level();
  }
}
