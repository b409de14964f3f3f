package se.samla.deviation.medcontrol.sync;

/** What became of a (case, version) in {@code medcontrol_inbox}. */
enum InboxOutcome {
  /** Our own write, recorded when MedControl PRO answered: its echo in the feed is skipped. */
  OWN_WRITE,
  /** A case registered in MedControl PRO for our units became a deviation here. */
  CREATED,
  /** Remote changes to shared fields were taken here. */
  APPLIED,
  /** Nothing to take: no shared field moved remotely, or an older version than we know. */
  UNCHANGED,
  /** A shared field moved on both sides: an open conflict waits for a person. */
  CONFLICT,
  /** The case could not be mapped (unknown unit, status, ...). */
  REJECTED,
  /** Not ours, or ours but not linked yet (the relay links it). */
  IGNORED
}
