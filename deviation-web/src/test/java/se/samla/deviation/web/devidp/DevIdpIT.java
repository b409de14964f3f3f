package se.samla.deviation.web.devidp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import se.samla.deviation.web.DeviationApplication;

/**
 * The development IdP on the dev profile: a persona is picked, and its signed response passes the
 * same validation as Inera's. Outside dev the application refuses to start with it.
 */
@SpringBootTest(
    properties = {
      "deviation.embedded-database.enabled=true",
      "deviation.embedded-database.data-directory=",
      "deviation.demo-data.enabled=false",
      "deviation.scheduling.enabled=false"
    })
@AutoConfigureMockMvc
@ActiveProfiles("dev")
@ExtendWith(OutputCaptureExtension.class)
class DevIdpIT {

  @Autowired MockMvc mvc;
  @Autowired DevIdpPersonas personas;
  @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

  @Test
  void logsInAsAPickedPersonaThroughTheNormalValidation() throws Exception {
    MvcResult start = mvc.perform(get("/saml2/authenticate/siths")).andReturn();
    String location = start.getResponse().getHeader(HttpHeaders.LOCATION);
    Cookie binding = start.getResponse().getCookie("SAML_LOGIN");
    assertThat(location).startsWith("/dev-idp/sso?SAMLRequest=");

    MvcResult page = mvc.perform(get(java.net.URI.create(location))).andReturn();
    String html = page.getResponse().getContentAsString();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(personas.all()).hasSize(5);
    for (var persona : personas.all()) {
      assertThat(html).contains(persona.hsaId()).contains(HtmlUtils.htmlEscape(persona.name()));
    }

    String persona = "SE0000000001-P0201"; // Anders Berg, case handler at medicin 1
    MvcResult answer =
        mvc.perform(
                post("/dev-idp/respond")
                    .param("requestId", field(html, "requestId"))
                    .param("RelayState", field(html, "RelayState"))
                    .param("hsaId", persona)
                    .with(csrf()))
            .andReturn();
    String form = answer.getResponse().getContentAsString();
    assertThat(form).contains("action=\"http://localhost/login/saml2/sso/siths\"");

    MvcResult login =
        mvc.perform(
                post("/login/saml2/sso/siths")
                    .param("SAMLResponse", field(form, "SAMLResponse"))
                    .param("RelayState", field(form, "RelayState"))
                    .cookie(binding))
            .andReturn();

    assertThat(login.getResponse().getStatus()).isEqualTo(302);
    assertThat(login.getResponse().getCookie("SESSION")).isNotNull();
    assertThat(sessions.findByPrincipalName(persona)).isNotEmpty();
  }

  @Test
  void refusesToStartWithTheDevIdpOutsideTheDevProfile(CapturedOutput output) {
    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(DeviationApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                        "--spring.profiles.active=prod",
                        "--deviation.dev-idp.enabled=true",
                        "--deviation.embedded-database.enabled=true",
                        "--deviation.embedded-database.data-directory=",
                        "--deviation.scheduling.enabled=false")
                    .close());

    assertThat(failure)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("deviation.dev-idp.enabled=true")
        .hasMessageContaining("dev profile");
  }

  private static String field(String html, String name) {
    Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(matcher.find()).as(name).isTrue();
    return HtmlUtils.htmlUnescape(matcher.group(1));
  }
}
