package se.samla.deviation.web.support;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The friendly HTML error pages ({@code templates/error/}): one for each status a person meets
 * (403, 404, 409, 413, 500) and a general one for the rest. They name no detail of the failure.
 */
public final class ErrorPages {

  private ErrorPages() {}

  /** The error page of a status, answered with that status. */
  public static ModelAndView page(HttpStatus status) {
    return new ModelAndView(view(status), Map.of("status", status.value()), status);
  }

  static String view(HttpStatus status) {
    return switch (status) {
      case FORBIDDEN -> "error/403";
      case NOT_FOUND -> "error/404";
      // A page's stale version is a conflict for the person: someone changed the case meanwhile.
      case CONFLICT, PRECONDITION_FAILED -> "error/409";
      case PAYLOAD_TOO_LARGE -> "error/413";
      default -> status.is5xxServerError() ? "error/500" : "error/error";
    };
  }
}
