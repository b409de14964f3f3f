package se.samla.deviation.core.deviation.domain;

/** What happened to a deviation; every change appends one event of these types. */
public enum DeviationEventType {
  SUBMITTED,
  ASSIGNED,
  REASSIGNED,
  FORWARDED,
  RETURNED,
  INFORMATION_REQUESTED,
  INFORMATION_SUPPLIED,
  ANSWERED,
  ACCEPTED,
  DISPUTED,
  AUTO_CLOSED,
  WITHDRAWN,
  RESUBMITTED,
  COMMENTED,
  /** The receiving side assessed or re-assessed the risk. */
  RISK_ASSESSED,
  /** A case registered in MedControl PRO became a deviation here. */
  IMPORTED_FROM_MEDCONTROL,
  /** Changes made in MedControl PRO were applied here. */
  UPDATED_IN_MEDCONTROL
}
