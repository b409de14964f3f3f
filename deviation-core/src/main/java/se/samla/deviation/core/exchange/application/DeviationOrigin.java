package se.samla.deviation.core.exchange.application;

/** Where a deviation was first registered: here, or in MedControl PRO and imported. */
public enum DeviationOrigin {
  SAMVERKAN,
  MEDCONTROL
}
