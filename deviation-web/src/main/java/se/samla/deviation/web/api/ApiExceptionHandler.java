package se.samla.deviation.web.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.IllegalTransitionException;
import se.samla.deviation.core.organisation.application.MasterDataImport.ImportFailedException;
import se.samla.deviation.web.support.Failures;
import se.samla.deviation.web.support.Problems;

/**
 * Turns every failure of an API controller into an RFC 9457 problem detail with a fixed text per
 * status. Validation problems name the fields ({@code errors: [{field, message}]}), never the
 * submitted values. Scoped to the API's controllers: pages have their own handling, and errors
 * outside any controller go to {@code WebErrorController}.
 */
@RestControllerAdvice(basePackages = "se.samla.deviation.web.api")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ValidationFailedException.class)
  ResponseEntity<ProblemDetail> validationFailed(ValidationFailedException e) {
    return respond(
        Failures.status(e),
        e.errors().stream()
            .map(f -> Map.of("field", f.field(), "code", f.code(), "message", f.message()))
            .toList());
  }

  @ExceptionHandler(ImportFailedException.class)
  ResponseEntity<ProblemDetail> importFailed(ImportFailedException e) {
    return respond(
        Failures.status(e),
        e.errors().stream()
            .map(
                l ->
                    Map.<String, Object>of(
                        "line", l.line(), "field", l.field(), "message", l.message()))
            .toList());
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
    return respond(
        HttpStatus.BAD_REQUEST, List.of(Map.of("field", e.field(), "message", e.getMessage())));
  }

  @ExceptionHandler({
    NotPermittedException.class,
    AccessDeniedException.class,
    AuthenticationException.class,
    NotFoundException.class,
    VersionConflictException.class
  })
  ResponseEntity<ProblemDetail> refused(Exception e) {
    return respond(Failures.status(e), null);
  }

  @ExceptionHandler(IllegalTransitionException.class)
  ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
    ResponseEntity<ProblemDetail> response = respond(Failures.status(e), null);
    ProblemDetail problem = response.getBody();
    problem.setDetail(
        "The deviation's status " + e.status() + " does not allow " + e.action() + ".");
    problem.setProperty("currentStatus", e.status().name());
    return response;
  }

  @ExceptionHandler(ApiStatusException.class)
  ResponseEntity<ProblemDetail> apiStatus(ApiStatusException e) {
    ResponseEntity<ProblemDetail> response = respond(e.status(), null);
    response.getBody().setDetail(e.getMessage());
    return response;
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge() {
    return respond(HttpStatus.PAYLOAD_TOO_LARGE, null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    Failures.logUnexpected(log, e, request);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, null);
  }

  /** Spring MVC's own exceptions (unreadable JSON, wrong parameter types, ...) with our texts. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    HttpStatus resolved = HttpStatus.valueOf(status.value());
    List<Map<String, Object>> errors = null;
    if (ex instanceof HttpMessageNotReadableException unreadable) {
      if (causedBy(unreadable, PayloadTooLargeException.class)) {
        resolved = HttpStatus.PAYLOAD_TOO_LARGE;
      } else if (unreadable.getCause() instanceof JsonMappingException mapping
          && !mapping.getPath().isEmpty()) {
        errors = List.of(Map.of("field", path(mapping), "message", "has the wrong type or format"));
      }
    } else if (ex instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
      errors =
          List.of(
              Map.of(
                  "field", mismatch.getPropertyName(), "message", "has the wrong type or format"));
    } else if (ex instanceof MissingRequestValueException) {
      errors = List.of(Map.of("field", "request", "message", "a required value is missing"));
    }
    ProblemDetail problem = Problems.problem(resolved);
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    return createResponseEntity(problem, headers, resolved, request);
  }

  private static String path(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<ProblemDetail> respond(HttpStatus status, List<?> errors) {
    ProblemDetail problem = Problems.problem(status);
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).body(problem);
  }
}
