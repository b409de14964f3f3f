package se.samla.deviation.web.api;

import org.springframework.http.HttpStatus;

/**
 * A failure with a status and a fixed, value-free detail for the problem body (a 409 for an
 * operator command that found the wrong state, a 503 for a missing subsystem).
 */
public class ApiStatusException extends RuntimeException {

  private final HttpStatus status;

  public ApiStatusException(HttpStatus status, String detail) {
    super(detail);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
