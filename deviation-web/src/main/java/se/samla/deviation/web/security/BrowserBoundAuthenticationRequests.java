package se.samla.deviation.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.Saml2PostAuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.Saml2RedirectAuthenticationRequest;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.registration.Saml2MessageBinding;
import org.springframework.security.saml2.provider.service.web.Saml2AuthenticationRequestRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the AuthnRequests that wait for the IdP's answer in PostgreSQL, keyed by RelayState, and
 * binds each to the browser that started it with a short-lived cookie scoped to the ACS path (ADR
 * 0011). The session cookie stays {@code SameSite=Lax}: the IdP's cross-site POST does not need it,
 * any instance can finish the login, and a response posted from another browser (login CSRF) finds
 * no request. Each request can be used once and for ten minutes.
 */
@Component
class BrowserBoundAuthenticationRequests
    implements Saml2AuthenticationRequestRepository<AbstractSaml2AuthenticationRequest> {

  static final String COOKIE = "SAML_LOGIN";
  static final String COOKIE_PATH = "/login/saml2/";
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private final JdbcTemplate jdbc;
  private final ObjectProvider<RelyingPartyRegistrationRepository> registrations;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  BrowserBoundAuthenticationRequests(
      JdbcTemplate jdbc,
      ObjectProvider<RelyingPartyRegistrationRepository> registrations,
      Clock clock) {
    this.jdbc = jdbc;
    this.registrations = registrations;
    this.clock = clock;
  }

  @Override
  public AbstractSaml2AuthenticationRequest loadAuthenticationRequest(HttpServletRequest request) {
    String relayState = request.getParameter("RelayState");
    String binding = cookie(request);
    if (relayState == null || binding == null || relayState.length() > 128) {
      return null;
    }
    List<AbstractSaml2AuthenticationRequest> found =
        jdbc.query(
            "SELECT binding_hash, request_id, registration_id, binding, saml_request"
                + " FROM saml_authn_request WHERE relay_state = ? AND expires_at > ?",
            (rs, row) -> {
              if (!MessageDigest.isEqual(
                  rs.getString("binding_hash").getBytes(StandardCharsets.US_ASCII),
                  hash(binding).getBytes(StandardCharsets.US_ASCII))) {
                return null;
              }
              return rebuild(
                  rs.getString("registration_id"),
                  rs.getString("binding"),
                  rs.getString("request_id"),
                  rs.getString("saml_request"),
                  relayState);
            },
            relayState,
            Timestamp.from(clock.instant()));
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public void saveAuthenticationRequest(
      AbstractSaml2AuthenticationRequest authenticationRequest,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (authenticationRequest == null) {
      removeAuthenticationRequest(request, response);
      return;
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.update(
        "DELETE FROM saml_authn_request WHERE expires_at < ?", Timestamp.from(clock.instant()));
    jdbc.update(
        "INSERT INTO saml_authn_request (relay_state, binding_hash, request_id, registration_id,"
            + " binding, saml_request, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        authenticationRequest.getRelayState(),
        hash(binding),
        authenticationRequest.getId(),
        authenticationRequest.getRelyingPartyRegistrationId(),
        authenticationRequest.getBinding().name(),
        authenticationRequest.getSamlRequest(),
        Timestamp.from(clock.instant().plus(LIFETIME)));
    writeCookie(request, response, binding, LIFETIME.toSeconds());
  }

  @Override
  public AbstractSaml2AuthenticationRequest removeAuthenticationRequest(
      HttpServletRequest request, HttpServletResponse response) {
    AbstractSaml2AuthenticationRequest loaded = loadAuthenticationRequest(request);
    if (loaded == null) {
      return null;
    }
    // Single use: of two concurrent posts with the same RelayState only one deletes the row.
    int deleted =
        jdbc.update("DELETE FROM saml_authn_request WHERE relay_state = ?", loaded.getRelayState());
    writeCookie(request, response, "", 0);
    return deleted == 1 ? loaded : null;
  }

  private AbstractSaml2AuthenticationRequest rebuild(
      String registrationId, String binding, String id, String samlRequest, String relayState) {
    RelyingPartyRegistration registration =
        registrations.getObject().findByRegistrationId(registrationId);
    if (registration == null) {
      return null;
    }
    if (Saml2MessageBinding.POST.name().equals(binding)) {
      return Saml2PostAuthenticationRequest.withRelyingPartyRegistration(registration)
          .id(id)
          .samlRequest(samlRequest)
          .relayState(relayState)
          .build();
    }
    return Saml2RedirectAuthenticationRequest.withRelyingPartyRegistration(registration)
        .id(id)
        .samlRequest(samlRequest)
        .relayState(relayState)
        .build();
  }

  private static String cookie(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return null;
    }
    for (Cookie cookie : request.getCookies()) {
      if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
        return cookie.getValue();
      }
    }
    return null;
  }

  /**
   * Over https the cookie must survive the IdP's cross-site POST: SameSite=None, which browsers
   * accept only with Secure. Over plain http (a laptop, where the dev IdP is same-site) Lax.
   */
  private static void writeCookie(
      HttpServletRequest request, HttpServletResponse response, String value, long maxAge) {
    String path = request.getContextPath() + COOKIE_PATH;
    String sameSite = request.isSecure() ? "; SameSite=None; Secure" : "; SameSite=Lax";
    response.addHeader(
        HttpHeaders.SET_COOKIE,
        COOKIE + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge + "; HttpOnly" + sameSite);
  }

  private static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
