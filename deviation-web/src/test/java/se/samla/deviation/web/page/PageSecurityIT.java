package se.samla.deviation.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samla.deviation.web.api.Logins.as;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.web.api.ApiIntegrationTest;

/**
 * The security rules for pages: every path that is not the API, a static resource or one of the
 * open endpoints needs a SITHS session (not just any authentication), including the pages still to
 * come; static resources are open; a refused browser page gets the HTML error, not JSON.
 */
@ApiIntegrationTest
class PageSecurityIT {

  static final String LOGIN = "http://localhost/saml2/authenticate/siths";

  @Autowired MockMvc mvc;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/avvikelser/ny",
        "/avvikelser/utkast",
        "/mina-avvikelser",
        "/inkorg",
        "/organisation",
        "/avvikelser/3f1c2a54-0000-4000-8000-000000000001",
        "/tillganglighet",
        "/something/not/yet/built"
      })
  void everyPagePathNeedsASithsSession(String path) throws Exception {
    // An authentication that is not a SITHS login is refused, not let through to the page.
    mvc.perform(get(path).with(user("not-siths")).accept(MediaType.TEXT_HTML))
        .andExpect(status().isForbidden());
    mvc.perform(get(path).with(user("not-siths")).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    // Without a session a browser goes to the login, a script gets 401.
    mvc.perform(get(path).accept(MediaType.TEXT_HTML))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(LOGIN));
    mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
  }

  @Test
  void aSithsSessionReachesThePages() throws Exception {
    mvc.perform(get("/something/not/yet/built").with(as(Personas.wardNurse())))
        .andExpect(status().isNotFound());
  }

  @Test
  void staticResourcesAreOpen() throws Exception {
    mvc.perform(get("/css/app.css"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/css"));
    for (String path :
        new String[] {
          "/js/none.js", "/webjars/none/1.0/none.js", "/images/none.png", "/favicon.ico"
        }) {
      mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenGetsTheErrorPageNotJson() throws Exception {
    String type =
        mvc.perform(
                post("/avvikelser/ny")
                    .with(as(Personas.wardNurse()))
                    .accept(MediaType.TEXT_HTML)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentType();
    // The error dispatch (WebErrorController) renders the 403 page; no problem JSON is written.
    assertThat(type).isNull();
    mvc.perform(
            post("/avvikelser/ny")
                .with(as(Personas.wardNurse()))
                .with(csrf())
                .accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))
        .andExpect(status().isNotFound());
  }
}
