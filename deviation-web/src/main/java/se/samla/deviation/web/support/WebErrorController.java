package se.samla.deviation.web.support;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers every error that no controller's own handling answered (an unknown path, a refusal of the
 * security filters, a failure in a filter), in place of Spring Boot's white-label page and its
 * JSON: a browser asking for HTML gets the friendly error page, everyone else, and anything under
 * {@code /api/}, an RFC 9457 problem detail with the API's fixed texts.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class WebErrorController implements ErrorController {

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  Object page(HttpServletRequest request) {
    if (api(request)) {
      return problem(request);
    }
    return ErrorPages.page(status(request));
  }

  @RequestMapping
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatus status = status(request);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.problem(status));
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static boolean api(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
  }
}
