package se.samla.deviation.core.deviation.domain;

/** The statuses of DESIGN section 5's workflow, and nothing else. */
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
