package se.samla.deviation.core.deviation.domain;

/** The statuses of the workflow (docs/architecture.md#workflow), and nothing else. */
public enum DeviationStatus {
  SUBMITTED,
  ASSIGNED,
  INFORMATION_REQUESTED,
  ANSWERED,
  CLOSED,
  RETURNED,
  WITHDRAWN;

  public boolean isOpen() {
    return this != CLOSED && this != WITHDRAWN;
  }
}
