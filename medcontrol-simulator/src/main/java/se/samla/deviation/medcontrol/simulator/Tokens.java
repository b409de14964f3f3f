package se.samla.deviation.medcontrol.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The OAuth 2.0 client-credentials token endpoint and the bearer check on the API. */
final class Tokens {

  private final SimulatorClock clock;
  private final String clientId;
  private final String clientSecret;
  private Duration lifetime;
  private final Map<String, Instant> expiryByToken = new HashMap<>();

  Tokens(SimulatorClock clock, String clientId, String clientSecret, Duration lifetime) {
    this.clock = clock;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.lifetime = lifetime;
  }

  synchronized Reply issue(String formBody) {
    Map<String, String> form = parseForm(formBody);
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return Reply.problem(400, "Bad Request", "grant_type must be client_credentials");
    }
    if (!clientId.equals(form.get("client_id"))
        || !clientSecret.equals(form.get("client_secret"))) {
      return unauthorized("unknown client or wrong secret");
    }
    String token = UUID.randomUUID().toString();
    expiryByToken.put(token, clock.now().plus(lifetime));
    ObjectNode body = Json.object();
    body.put("access_token", token);
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime.toSeconds());
    return Reply.json(200, body).header("Cache-Control", "no-store");
  }

  /** Null when the Authorization header carries a valid, unexpired token; else the 401. */
  synchronized Reply check(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return unauthorized("a bearer token is required");
    }
    Instant expiry = expiryByToken.get(authorization.substring(7).trim());
    if (expiry == null || !clock.now().isBefore(expiry)) {
      return unauthorized("the token is unknown or has expired");
    }
    return null;
  }

  synchronized void expireAll() {
    expiryByToken.clear();
  }

  synchronized void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  private static Reply unauthorized(String detail) {
    return Reply.problem(401, "Unauthorized", detail).header("WWW-Authenticate", "Bearer");
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    if (body == null) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
