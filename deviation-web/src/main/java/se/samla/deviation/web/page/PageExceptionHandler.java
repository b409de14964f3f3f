package se.samla.deviation.web.page;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import se.samla.deviation.web.support.ErrorPages;
import se.samla.deviation.web.support.Failures;

/**
 * A page's failure that its controller did not handle becomes the friendly error page of its status
 * (404 for the invisible, 403, 409 when someone changed the case meanwhile, 500), never JSON. A
 * form's own validation errors belong on the form: its controller catches them.
 */
@ControllerAdvice(basePackages = "se.samla.deviation.web.page")
class PageExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

  @ExceptionHandler(Exception.class)
  ModelAndView failed(Exception e, HttpServletRequest request) {
    HttpStatus status = Failures.status(e);
    if (status.is5xxServerError()) {
      Failures.logUnexpected(log, e, request);
    }
    return ErrorPages.page(status);
  }
}
