package se.samla.deviation.web.devidp;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.web.DefaultRelyingPartyRegistrationResolver;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * DEVELOPMENT ONLY: the development identity provider's pages (docs/architecture.md#login). A
 * developer picks a demo persona; the answer is a SAML response signed with the dev IdP key and
 * posted by the browser to our ACS, where it goes through exactly the same validation as Inera's.
 * Active only with {@code deviation.dev-idp.enabled=true}, which {@link DevIdpGuard} allows in the
 * dev profile only.
 */
@Controller
@ConditionalOnProperty(name = DevIdpGuard.ENABLED, havingValue = "true")
class DevIdpController {

  static final String REGISTRATION_ID = "siths";

  private final DevIdpResponses responses;
  private final DevIdpPersonas personas;
  private final DefaultRelyingPartyRegistrationResolver registrations;

  DevIdpController(
      DevIdpResponses responses,
      DevIdpPersonas personas,
      RelyingPartyRegistrationRepository registrations) {
    this.responses = responses;
    this.personas = personas;
    this.registrations = new DefaultRelyingPartyRegistrationResolver(registrations);
  }

  /** The persona page, answering a Redirect-binding AuthnRequest. */
  @GetMapping(value = "/dev-idp/sso", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> personas(
      @RequestParam("SAMLRequest") String samlRequest,
      @RequestParam(name = "RelayState", required = false) String relayState,
      HttpServletRequest request) {
    String requestId = authnRequestId(samlRequest);
    StringBuilder html = page("Utvecklings-IdP – välj person");
    html.append("<h1>Utvecklings-IdP</h1><p>Endast för utveckling. Välj en demoperson:</p><ul>");
    for (Persona persona : personas.all()) {
      html.append("<li><form method=\"post\" action=\"")
          .append(request.getContextPath())
          .append("/dev-idp/respond\">")
          .append(hidden("requestId", requestId))
          .append(hidden("RelayState", relayState))
          .append(hidden("hsaId", persona.hsaId()))
          .append(csrf(request))
          .append("<button type=\"submit\">")
          .append(HtmlUtils.htmlEscape(persona.name()))
          .append("</button> ")
          .append(HtmlUtils.htmlEscape(persona.role() + ", " + persona.unitName()))
          .append(" (")
          .append(HtmlUtils.htmlEscape(persona.hsaId()))
          .append(")</form></li>");
    }
    html.append("</ul></body></html>");
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.toString());
  }

  /** The signed response, as a form the browser posts to the ACS (no script: CSP allows none). */
  @PostMapping(value = "/dev-idp/respond", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> respond(
      @RequestParam("requestId") String requestId,
      @RequestParam(name = "RelayState", required = false) String relayState,
      @RequestParam("hsaId") String hsaId,
      HttpServletRequest request) {
    Persona persona = personas.byHsaId(hsaId).orElse(null);
    RelyingPartyRegistration registration = registrations.resolve(request, REGISTRATION_ID);
    if (persona == null || registration == null) {
      return ResponseEntity.badRequest().build();
    }
    String response = responses.signedResponse(registration, requestId, persona);
    String acs = registration.getAssertionConsumerServiceLocation();
    StringBuilder html = page("Utvecklings-IdP – fortsätt");
    html.append("<h1>Inloggad som ")
        .append(HtmlUtils.htmlEscape(persona.name()))
        .append("</h1><form method=\"post\" action=\"")
        .append(HtmlUtils.htmlEscape(acs))
        .append("\">")
        .append(
            hidden(
                "SAMLResponse",
                Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8))))
        .append(hidden("RelayState", relayState))
        .append("<button type=\"submit\">Fortsätt till Avvikelser i samverkan</button>")
        .append("</form></body></html>");
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.toString());
  }

  /** Single logout: the dev IdP keeps no sessions, so it only says goodbye. */
  @GetMapping(value = "/dev-idp/slo", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> logout() {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .body(page("Utloggad").append("<h1>Utloggad</h1></body></html>").toString());
  }

  private static String authnRequestId(String samlRequest) {
    try {
      byte[] deflated = Base64.getMimeDecoder().decode(samlRequest);
      ByteArrayOutputStream xml = new ByteArrayOutputStream();
      try (var in =
          new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
        in.transferTo(xml);
      }
      AuthnRequest authnRequest =
          (AuthnRequest)
              XMLObjectSupport.unmarshallFromInputStream(
                  XMLObjectProviderRegistrySupport.getParserPool(),
                  new ByteArrayInputStream(xml.toByteArray()));
      return authnRequest.getID();
    } catch (IOException
        | RuntimeException
        | org.opensaml.core.xml.io.UnmarshallingException
        | net.shibboleth.utilities.java.support.xml.XMLParserException invalid) {
      throw new IllegalArgumentException("not a SAML AuthnRequest");
    }
  }

  private static StringBuilder page(String title) {
    return new StringBuilder(
            "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>")
        .append(HtmlUtils.htmlEscape(title))
        .append("</title></head><body>");
  }

  private static String hidden(String name, String value) {
    if (value == null) {
      return "";
    }
    return "<input type=\"hidden\" name=\""
        + HtmlUtils.htmlEscape(name)
        + "\" value=\""
        + HtmlUtils.htmlEscape(value)
        + "\">";
  }

  private static String csrf(HttpServletRequest request) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return token == null ? "" : hidden(token.getParameterName(), token.getToken());
  }
}
