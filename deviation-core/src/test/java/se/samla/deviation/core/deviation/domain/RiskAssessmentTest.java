package se.samla.deviation.core.deviation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole Swedish 4×4 risk matrix, cell by cell, plus the no-harm row. */
class RiskAssessmentTest {

  @ParameterizedTest(name = "{0} × {1} = {2} ({3})")
  @CsvSource({
    "NONE,         VERY_HIGH, 0,  LOW,       K0×S4",
    "MINOR,        VERY_LOW,  1,  LOW,       K1×S1",
    "MINOR,        LOW,       2,  LOW,       K1×S2",
    "MINOR,        HIGH,      3,  LOW,       K1×S3",
    "MINOR,        VERY_HIGH, 4,  MEDIUM,    K1×S4",
    "MODERATE,     VERY_LOW,  2,  LOW,       K2×S1",
    "MODERATE,     LOW,       4,  MEDIUM,    K2×S2",
    "MODERATE,     HIGH,      6,  MEDIUM,    K2×S3",
    "MODERATE,     VERY_HIGH, 8,  HIGH,      K2×S4",
    "SIGNIFICANT,  VERY_LOW,  3,  LOW,       K3×S1",
    "SIGNIFICANT,  LOW,       6,  MEDIUM,    K3×S2",
    "SIGNIFICANT,  HIGH,      9,  HIGH,      K3×S3",
    "SIGNIFICANT,  VERY_HIGH, 12, HIGH,      K3×S4",
    "CATASTROPHIC, VERY_LOW,  4,  MEDIUM,    K4×S1",
    "CATASTROPHIC, LOW,       8,  HIGH,      K4×S2",
    "CATASTROPHIC, HIGH,      12, HIGH,      K4×S3",
    "CATASTROPHIC, VERY_HIGH, 16, VERY_HIGH, K4×S4",
  })
  void classifiesEveryCell(Consequence c, Probability p, int score, RiskLevel level, String cell) {
    RiskAssessment risk = new RiskAssessment(c, p);
    assertThat(risk.score()).isEqualTo(score);
    assertThat(risk.level()).isEqualTo(level);
    assertThat(risk.cell()).isEqualTo(cell);
  }
}
