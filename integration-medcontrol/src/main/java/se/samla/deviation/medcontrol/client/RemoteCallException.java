package se.samla.deviation.medcontrol.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to MedControl PRO that did not give the answer we need, classified by what the sync should
 * do about it. Messages carry the operation and HTTP status, never a body.
 */
public class RemoteCallException extends RuntimeException {

  /** What the failure means for the item being sent. */
  public enum Kind {
    /** Timeouts, resets, broken or garbled responses, 5xx, 429: try again later. */
    TRANSIENT,
    /** 400, 422 and other refusals that a resend cannot fix: DEAD at once. */
    PERMANENT,
    /** 412: someone changed the case since the version we named. */
    PRECONDITION_FAILED,
    /** 404 on a case we linked. */
    NOT_FOUND,
    /** 401 even with a fresh token: our credentials are wrong; retried, and alerted. */
    UNAUTHORIZED
  }

  private final Kind kind;
  private final Integer status;
  private final Duration retryAfter;

  public RemoteCallException(
      Kind kind, String message, Integer status, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, absent when no (parsable) response came. */
  public Optional<Integer> status() {
    return Optional.ofNullable(status);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The metric tag for this failure: the HTTP status or the kind of I/O failure. */
  public String outcomeTag() {
    return status != null ? String.valueOf(status) : "io";
  }
}
