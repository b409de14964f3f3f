package se.samla.deviation.core.deviation.domain;

/** Where a deviation was first registered: here, or in MedControl PRO and imported. */
public enum DeviationOrigin {
  SAMVERKAN,
  MEDCONTROL
}
