package se.samla.deviation.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.IllegalTransitionException;

/** A page's unhandled failure becomes the error page of its status, never JSON. */
class PageExceptionHandlerTest {

  final PageExceptionHandler handler = new PageExceptionHandler();
  final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/avvikelser/x");

  @Test
  void theInvisibleIs404AndTheForbidden403() {
    assertPage(handler.failed(new NotFoundException("deviation"), request), "error/404", 404);
    assertPage(handler.failed(new NotPermittedException("no"), request), "error/403", 403);
  }

  @Test
  void aChangeMeanwhileIsTheConflictPage() {
    assertPage(
        handler.failed(new VersionConflictException("stale", true, null), request),
        "error/409",
        412);
    assertPage(
        handler.failed(
            new IllegalTransitionException(DeviationStatus.CLOSED, DeviationAction.WITHDRAW),
            request),
        "error/409",
        409);
  }

  @Test
  void anUnexpectedFailureIsThe500PageWithNothingOfIt() {
    ModelAndView page = handler.failed(new IllegalStateException("SELECT 19121212-1212"), request);
    assertPage(page, "error/500", 500);
    assertThat(page.getModel().toString()).doesNotContain("SELECT").doesNotContain("19121212");
  }

  private static void assertPage(ModelAndView page, String view, int status) {
    assertThat(page.getViewName()).isEqualTo(view);
    assertThat(page.getStatus()).isEqualTo(HttpStatus.valueOf(status));
  }
}
