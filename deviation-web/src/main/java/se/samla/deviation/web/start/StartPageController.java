package se.samla.deviation.web.start;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.web.security.SithsPrincipal;
import se.samla.deviation.web.security.SithsUser;

/** The plain start page after login: who you are, for which unit, your roles, the API docs. */
@RestController
class StartPageController {

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  String start(Actor actor, Authentication authentication) {
    SithsUser user = ((SithsPrincipal) authentication.getPrincipal()).user();
    String roles =
        actor.roles().stream().map(r -> htmlEscape(r.name())).collect(Collectors.joining(", "));
    return """
        <!DOCTYPE html>
        <html lang="sv">
        <head><meta charset="utf-8"><title>Avvikelser i samverkan</title></head>
        <body>
        <h1>Avvikelser i samverkan</h1>
        <dl>
          <dt>Inloggad som</dt><dd>%s (%s)</dd>
          <dt>Enhet</dt><dd>%s (%s)</dd>
          <dt>Vårdgivare</dt><dd>%s</dd>
          <dt>Roller</dt><dd>%s</dd>
        </dl>
        <p><a href="/v3/api-docs">API-beskrivning (OpenAPI)</a> ·
           <a href="/swagger-ui/index.html">Swagger UI</a></p>
        </body>
        </html>
        """
        .formatted(
            htmlEscape(actor.person().name()),
            htmlEscape(actor.hsaId()),
            htmlEscape(nullToEmpty(user.unitName())),
            htmlEscape(nullToEmpty(user.unitHsaId())),
            htmlEscape(nullToEmpty(user.organisationName())),
            roles);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
