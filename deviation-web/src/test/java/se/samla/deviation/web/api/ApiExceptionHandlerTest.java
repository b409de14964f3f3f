package se.samla.deviation.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.IllegalTransitionException;

/** The status and text of failures that are hard to provoke over HTTP. */
class ApiExceptionHandlerTest {

  final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void aRaceIs409AndAStaleIfMatchIs412() {
    assertThat(
            handler
                .refused(new VersionConflictException("raced", false, null))
                .getStatusCode()
                .value())
        .isEqualTo(409);
    assertThat(
            handler
                .refused(new VersionConflictException("stale", true, null))
                .getStatusCode()
                .value())
        .isEqualTo(412);
  }

  @Test
  void anIllegalTransitionIs409NamingTheStatus() {
    var response =
        handler.illegalTransition(
            new IllegalTransitionException(DeviationStatus.CLOSED, DeviationAction.WITHDRAW));

    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(response.getBody().getProperties()).containsEntry("currentStatus", "CLOSED");
  }

  @Test
  void anUnexpectedFailureShowsNothingOfIt() {
    var response =
        handler.unexpected(
            new IllegalStateException("SELECT * FROM patient WHERE pnr='19121212-1212'"),
            new MockHttpServletRequest("GET", "/api/v1/deviations"));

    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getBody().getDetail()).isEqualTo("An unexpected error occurred.");
    assertThat(response.getBody().toString()).doesNotContain("SELECT").doesNotContain("19121212");
  }
}
