package se.samla.deviation.core.deviation.application;

/** How far a deviation's latest change has come towards MedControl PRO (the API's syncState). */
public enum MedControlSyncState {
  /** A change waits to be sent, or is being sent. */
  PENDING,
  /** MedControl PRO has every change. */
  SENT,
  /** Sending gave up (dead); an operator must replay it. */
  FAILED,
  /** A field was changed on both sides; a person must choose. */
  CONFLICT
}
