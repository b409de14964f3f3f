package se.samla.deviation.core.deviation.domain;

/** Risk level (riskklass) of a cell of the risk matrix. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH,
  VERY_HIGH
}
