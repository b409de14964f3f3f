package se.samla.deviation.core.deviation.domain;

/** Who sees a timeline entry: both sides, or only the receiving side (internal notes). */
public enum Visibility {
  SHARED,
  INTERNAL
}
