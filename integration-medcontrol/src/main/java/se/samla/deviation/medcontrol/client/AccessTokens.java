package se.samla.deviation.medcontrol.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * OAuth 2.0 client-credentials tokens for MedControl PRO: fetched once, shared by all threads,
 * renewed a little before they expire, and thrown away when the API answers 401.
 */
public class AccessTokens {

  /** Renew this long before the token's stated expiry, so that no call carries a dying token. */
  private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);

  private final RestClient http;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final Clock clock;

  private Token current;

  public AccessTokens(
      RestClient http, String clientId, String clientSecret, String scope, Clock clock) {
    this.http = http;
    this.clientId = Objects.requireNonNull(clientId, "medcontrol.client-id");
    this.clientSecret = Objects.requireNonNull(clientSecret, "medcontrol.client-secret");
    this.scope = scope;
    this.clock = clock;
  }

  /** A token valid for a while yet; fetches one when there is none. */
  public synchronized String token() {
    Instant now = clock.instant();
    if (current == null || !now.isBefore(current.renewAt())) {
      current = fetch(now);
    }
    return current.value();
  }

  /** Forgets the token if it is still the given one (a 401 said it is no longer accepted). */
  public synchronized void invalidate(String token) {
    if (current != null && current.value().equals(token)) {
      current = null;
    }
  }

  private Token fetch(Instant now) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", clientId);
    form.add("client_secret", clientSecret);
    if (scope != null && !scope.isBlank()) {
      form.add("scope", scope);
    }
    try {
      TokenResponse response =
          http.post()
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .body(form)
              .exchange(
                  (request, reply) -> {
                    HttpStatusCode status = reply.getStatusCode();
                    if (status.value() == 401 || status.value() == 400) {
                      throw new RemoteCallException(
                          RemoteCallException.Kind.UNAUTHORIZED,
                          "token request refused with " + status.value(),
                          status.value(),
                          null,
                          null);
                    }
                    if (!status.is2xxSuccessful()) {
                      throw new RemoteCallException(
                          RemoteCallException.Kind.TRANSIENT,
                          "token request failed with " + status.value(),
                          status.value(),
                          null,
                          null);
                    }
                    return reply.bodyTo(TokenResponse.class);
                  });
      if (response == null || response.accessToken() == null || response.expiresIn() <= 0) {
        throw new RemoteCallException(
            RemoteCallException.Kind.TRANSIENT, "token response without a token", 200, null, null);
      }
      Duration lifetime = Duration.ofSeconds(response.expiresIn());
      Duration early =
          lifetime.compareTo(EARLY_RENEWAL.multipliedBy(2)) > 0 ? EARLY_RENEWAL : Duration.ZERO;
      return new Token(response.accessToken(), now.plus(lifetime).minus(early));
    } catch (RestClientException e) {
      throw new RemoteCallException(
          RemoteCallException.Kind.TRANSIENT,
          "token request failed: " + causeName(e),
          null,
          null,
          e);
    }
  }

  static String causeName(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root instanceof IOException || root != e
        ? root.getClass().getSimpleName()
        : e.getClass().getSimpleName();
  }

  private record Token(String value, Instant renewAt) {}

  private record TokenResponse(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") long expiresIn) {}
}
