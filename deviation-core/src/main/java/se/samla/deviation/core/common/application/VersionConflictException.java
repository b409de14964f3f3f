package se.samla.deviation.core.common.application;

/**
 * Someone else changed the deviation first. {@code preconditionFailed} is true when the caller
 * named the version it expected (If-Match) and it was stale; false when two commands raced.
 */
public class VersionConflictException extends RuntimeException {

  private final boolean preconditionFailed;

  public VersionConflictException(String message, boolean preconditionFailed, Throwable cause) {
    super(message, cause);
    this.preconditionFailed = preconditionFailed;
  }

  public boolean preconditionFailed() {
    return preconditionFailed;
  }
}
