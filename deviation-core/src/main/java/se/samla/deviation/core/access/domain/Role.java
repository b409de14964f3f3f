package se.samla.deviation.core.access.domain;

/** Roles derived from appointments; every authenticated SITHS user is a reporter. */
public enum Role {
  REPORTER,
  HANDLER,
  COORDINATOR,
  ADMIN
}
