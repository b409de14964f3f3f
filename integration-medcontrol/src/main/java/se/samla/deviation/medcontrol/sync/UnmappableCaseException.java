package se.samla.deviation.medcontrol.sync;

/** A remote value that has no meaning here; the message names the field, never the value. */
class UnmappableCaseException extends RuntimeException {
  UnmappableCaseException(String message) {
    super(message);
  }
}
