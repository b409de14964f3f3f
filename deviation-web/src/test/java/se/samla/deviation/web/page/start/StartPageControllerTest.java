package se.samla.deviation.web.page.start;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static se.samla.deviation.web.api.Logins.as;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.access.domain.Role;
import se.samla.deviation.web.page.start.StartPageController.StartPage;
import se.samla.deviation.web.security.CurrentActors;
import se.samla.deviation.web.security.SithsUser;

/**
 * The start page as a slice: the controller, its template, the layout and the messages, with the
 * actor's directory mocked; no database, no SAML. The example the page tests follow.
 */
@WebMvcTest(StartPageController.class)
class StartPageControllerTest {

  static final SithsUser NURSE =
      new SithsUser(
          "SE2321000016-N001",
          "Anna",
          "Sjuksköterska",
          null,
          "SE2321000016-REG",
          "Region Samla",
          "SE2321000016-W12",
          "Avdelning 12 <medicin>",
          null,
          null,
          "http://id.sambi.se/loa/loa3");

  @Autowired MockMvc mvc;
  @MockitoBean CurrentActors actors;

  @BeforeEach
  void aNurseWhoAlsoHandles() {
    given(actors.actorOf(any()))
        .willReturn(
            new Actor(
                new PersonRef(NURSE.employeeHsaId(), NURSE.displayName()),
                NURSE.unitHsaId(),
                NURSE.organisationHsaId(),
                Set.of(NURSE.unitHsaId()),
                Set.of(),
                false));
  }

  @Test
  void showsWhoTheNurseIsTheirUnitAndWhatTheyMayDo() throws Exception {
    mvc.perform(get("/").with(as(NURSE)).accept(MediaType.TEXT_HTML))
        .andExpect(status().isOk())
        .andExpect(view().name(StartPageController.VIEW))
        .andExpect(
            model()
                .attribute(
                    "start",
                    new StartPage(
                        "Anna Sjuksköterska",
                        "SE2321000016-N001",
                        "Avdelning 12 <medicin>",
                        "SE2321000016-W12",
                        "Region Samla",
                        List.of(Role.REPORTER, Role.HANDLER))))
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("<html lang=\"sv\">")))
        .andExpect(content().string(containsString("Välkommen, Anna Sjuksköterska")))
        .andExpect(content().string(containsString("Rapportera avvikelser")))
        .andExpect(content().string(containsString("Ta emot, utreda och besvara")))
        .andExpect(content().string(not(containsString("Administrera"))))
        // Escaped, as every text from a SITHS card or the database.
        .andExpect(content().string(containsString("Avdelning 12 &lt;medicin&gt;")))
        .andExpect(content().string(not(containsString("??"))));
  }

  @Test
  void speaksEnglishWhenTheBrowserAsksForIt() throws Exception {
    mvc.perform(get("/").with(as(NURSE)).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html lang=\"en\">")))
        .andExpect(content().string(containsString("Welcome, Anna Sjuksköterska")))
        .andExpect(content().string(not(containsString("??"))));
  }

  @Test
  void anyOtherLanguageGetsSwedishAndSaysSo() throws Exception {
    mvc.perform(get("/").with(as(NURSE)).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html lang=\"sv\">")))
        .andExpect(content().string(containsString("Välkommen")));
  }

  @Test
  void theSignOutFormCarriesItsCsrfToken() throws Exception {
    mvc.perform(get("/").with(as(NURSE)))
        .andExpect(content().string(containsString("action=\"/logout\"")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
  }
}
