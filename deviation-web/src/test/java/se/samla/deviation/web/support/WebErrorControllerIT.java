package se.samla.deviation.web.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static se.samla.deviation.web.api.Logins.as;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.web.api.ApiIntegrationTest;

/**
 * The error dispatch (MockMvc does not make one, so the test calls {@code /error} as the container
 * would): a browser gets the Swedish error page, never the white-label page; an API client and
 * anything under {@code /api/} an RFC 9457 problem.
 */
@ApiIntegrationTest
class WebErrorControllerIT {

  @Autowired MockMvc mvc;

  static MockHttpServletRequestBuilder errorOf(int status, String path) {
    return get("/error")
        .with(as(Personas.wardNurse()))
        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path);
  }

  @ParameterizedTest
  @CsvSource({
    "403, error/403, Du har inte behörighet",
    "404, error/404, Sidan finns inte",
    "409, error/409, Någon annan har hunnit ändra",
    "413, error/413, Det du skickade är för stort",
    "500, error/500, Något gick fel",
    "405, error/error, Det gick inte att visa sidan"
  })
  void aBrowserGetsTheSwedishErrorPage(int code, String template, String title) throws Exception {
    mvc.perform(errorOf(code, "/inkorg").accept(MediaType.TEXT_HTML))
        .andExpect(status().is(code))
        .andExpect(view().name(template))
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("<html lang=\"sv\">")))
        .andExpect(content().string(containsString("<h1>" + title)))
        .andExpect(content().string(containsString("Till startsidan")))
        .andExpect(content().string(not(containsString("??"))))
        .andExpect(content().string(not(containsString("Whitelabel"))));
  }

  @Test
  void anApiClientGetsAProblemDetail() throws Exception {
    mvc.perform(errorOf(404, "/inkorg").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://avvikelser.samla.se/problems/not-found"))
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void theApiAnswersWithAProblemDetailEvenToABrowser() throws Exception {
    mvc.perform(errorOf(405, "/api/v1/me").accept(MediaType.TEXT_HTML))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://avvikelser.samla.se/problems/method-not-allowed"));
  }
}
