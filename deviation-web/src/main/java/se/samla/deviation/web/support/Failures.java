package se.samla.deviation.web.support;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.IllegalTransitionException;
import se.samla.deviation.core.organisation.application.MasterDataImport.ImportFailedException;

/**
 * What a failure of core (or of Spring MVC) means over HTTP, the same for the API and the pages:
 * the API answers with a problem detail, a page with an error page of the same status.
 */
public final class Failures {

  private Failures() {}

  /** The status of a failure; anything unknown is 500. */
  public static HttpStatus status(Throwable e) {
    if (e instanceof ValidationFailedException || e instanceof ImportFailedException) {
      return HttpStatus.UNPROCESSABLE_ENTITY;
    }
    if (e instanceof NotPermittedException || e instanceof AccessDeniedException) {
      return HttpStatus.FORBIDDEN;
    }
    if (e instanceof AuthenticationException) {
      return HttpStatus.UNAUTHORIZED;
    }
    if (e instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof IllegalTransitionException) {
      return HttpStatus.CONFLICT;
    }
    if (e instanceof VersionConflictException conflict) {
      return conflict.preconditionFailed() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
    }
    if (e instanceof ErrorResponse response) {
      HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
      return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  /**
   * Logs an unexpected failure by its class and where it was thrown, never its message (nor a stack
   * trace, which prints messages): messages of lower layers (SQL, JSON) may carry submitted patient
   * data.
   */
  public static void logUnexpected(Logger log, Throwable e, HttpServletRequest request) {
    StackTraceElement[] stack = e.getStackTrace();
    log.error(
        "unexpected {} at {} on {} {}",
        e.getClass().getName(),
        stack.length == 0 ? "unknown" : stack[0],
        request.getMethod(),
        request.getRequestURI());
  }
}
