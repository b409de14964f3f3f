package se.samla.deviation.medcontrol.client;

import static se.samla.deviation.medcontrol.client.RemoteCallException.Kind.NOT_FOUND;
import static se.samla.deviation.medcontrol.client.RemoteCallException.Kind.PERMANENT;
import static se.samla.deviation.medcontrol.client.RemoteCallException.Kind.PRECONDITION_FAILED;
import static se.samla.deviation.medcontrol.client.RemoteCallException.Kind.TRANSIENT;
import static se.samla.deviation.medcontrol.client.RemoteCallException.Kind.UNAUTHORIZED;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;

/**
 * The MedControl PRO case API (contract medcontrol-case-api-v1) as typed calls. Every call goes
 * through the rate limiter and the circuit breaker, carries a bearer token (renewed once on 401),
 * and ends in a value or a classified {@link RemoteCallException}. Timeouts are set on the
 * underlying HTTP client. Bodies are never logged: they carry patient data.
 */
public class MedControlClient {

  private static final String CASES = "/api/v1/cases";

  private final RestClient http;
  private final AccessTokens tokens;
  private final CircuitBreaker breaker;
  private final RateLimiter rateLimiter;
  private final MeterRegistry meters;
  private final Clock clock;

  public MedControlClient(
      RestClient http,
      AccessTokens tokens,
      CircuitBreaker breaker,
      RateLimiter rateLimiter,
      MeterRegistry meters,
      Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.breaker = breaker;
    this.rateLimiter = rateLimiter;
    this.meters = meters;
    this.clock = clock;
  }

  /** What a create gave: the case, and whether it was new (201) or already there (200, 409). */
  public record Created(RemoteCase remoteCase, int status) {}

  public Created create(CaseCreate body, UUID idempotencyKey) {
    return call(
        "create",
        token ->
            http.post()
                .uri(CASES)
                .headers(h -> bearer(h, token))
                .header("Idempotency-Key", idempotencyKey.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange(
                    (request, response) -> {
                      int status = response.getStatusCode().value();
                      if (status == 200 || status == 201 || status == 409) {
                        return new Created(
                            read(response, RemoteCase.class, "create", status), status);
                      }
                      throw failure("create", response);
                    }));
  }

  public Optional<RemoteCase> findBySourceReference(UUID sourceReference) {
    CaseList list =
        call(
            "find",
            token ->
                http.get()
                    .uri(CASES + "?sourceReference={ref}", sourceReference)
                    .headers(h -> bearer(h, token))
                    .exchange(
                        (request, response) -> {
                          if (response.getStatusCode().value() == 200) {
                            return read(response, CaseList.class, "find", 200);
                          }
                          throw failure("find", response);
                        }));
    if (list.items() == null) {
      throw new RemoteCallException(TRANSIENT, "find: response without items", null, null, null);
    }
    return list.items().stream().findFirst();
  }

  public RemoteCase get(String caseId) {
    return call(
        "get",
        token ->
            http.get()
                .uri(CASES + "/{id}", caseId)
                .headers(h -> bearer(h, token))
                .exchange(
                    (request, response) -> {
                      if (response.getStatusCode().value() == 200) {
                        return read(response, RemoteCase.class, "get", 200);
                      }
                      throw failure("get", response);
                    }));
  }

  public RemoteCase update(String caseId, long ifMatch, UUID idempotencyKey, CaseUpdate body) {
    return call(
        "update",
        token ->
            http.patch()
                .uri(CASES + "/{id}", caseId)
                .headers(h -> bearer(h, token))
                .header(HttpHeaders.IF_MATCH, "\"" + ifMatch + "\"")
                .header("Idempotency-Key", idempotencyKey.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange(
                    (request, response) -> {
                      if (response.getStatusCode().value() == 200) {
                        return read(response, RemoteCase.class, "update", 200);
                      }
                      throw failure("update", response);
                    }));
  }

  public ChangePage changes(String cursor, int limit) {
    ChangePage page =
        call(
            "changes",
            token ->
                http.get()
                    .uri(
                        b -> {
                          b.path("/api/v1/changes").queryParam("limit", limit);
                          if (cursor != null) {
                            b.queryParam("since", "{since}");
                          }
                          return cursor != null ? b.build(cursor) : b.build();
                        })
                    .headers(h -> bearer(h, token))
                    .exchange(
                        (request, response) -> {
                          if (response.getStatusCode().value() == 200) {
                            return read(response, ChangePage.class, "changes", 200);
                          }
                          throw failure("changes", response);
                        }));
    if (page.nextCursor() == null) {
      throw new RemoteCallException(TRANSIENT, "changes: page without a cursor", null, null, null);
    }
    return page;
  }

  public CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  // ---- the shape every call shares ---------------------------------------------------------

  private <T> T call(String operation, Function<String, T> exchange) {
    try {
      T result =
          breaker.executeSupplier(
              () -> {
                RateLimiter.waitForPermission(rateLimiter);
                return withToken(exchange);
              });
      count(operation, "success", "2xx");
      return result;
    } catch (RemoteCallException e) {
      count(operation, e.kind().name().toLowerCase(), e.outcomeTag());
      throw e;
    } catch (RequestNotPermitted e) {
      count(operation, "rate_limited", "none");
      throw e;
    } catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException e) {
      count(operation, "breaker_open", "none");
      throw e;
    }
  }

  private <T> T withToken(Function<String, T> exchange) {
    String token = tokens.token();
    try {
      return send(exchange, token);
    } catch (RemoteCallException e) {
      if (e.kind() != UNAUTHORIZED) {
        throw e;
      }
      tokens.invalidate(token);
      return send(exchange, tokens.token());
    }
  }

  private static <T> T send(Function<String, T> exchange, String token) {
    try {
      return exchange.apply(token);
    } catch (RestClientException e) {
      // Connect and response timeouts, resets, broken chunks: we do not know what happened.
      throw new RemoteCallException(
          TRANSIENT, "no usable response: " + AccessTokens.causeName(e), null, null, e);
    }
  }

  private <T> T read(
      ConvertibleClientHttpResponse response, Class<T> type, String operation, int status) {
    try {
      T body = response.bodyTo(type);
      if (body == null) {
        throw new RemoteCallException(
            TRANSIENT, operation + ": empty " + status + " response", null, null, null);
      }
      return body;
    } catch (RestClientException | IllegalArgumentException e) {
      throw new RemoteCallException(
          TRANSIENT,
          operation + ": unreadable " + status + " response (" + AccessTokens.causeName(e) + ")",
          null,
          null,
          e);
    }
  }

  private RemoteCallException failure(String operation, ConvertibleClientHttpResponse response)
      throws IOException {
    int status = response.getStatusCode().value();
    String message = operation + " answered " + status;
    return switch (status) {
      case 401, 403 -> new RemoteCallException(UNAUTHORIZED, message, status, null, null);
      case 404 -> new RemoteCallException(NOT_FOUND, message, status, null, null);
      case 412 -> new RemoteCallException(PRECONDITION_FAILED, message, status, null, null);
      case 408, 425, 429 ->
          new RemoteCallException(TRANSIENT, message, status, retryAfter(response), null);
      default ->
          status >= 500
              ? new RemoteCallException(TRANSIENT, message, status, retryAfter(response), null)
              : new RemoteCallException(PERMANENT, message, status, null, null);
    };
  }

  /** Retry-After as seconds or as an HTTP date; absent or nonsense gives none. */
  private Duration retryAfter(ConvertibleClientHttpResponse response) {
    String value = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.strip());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static void bearer(HttpHeaders headers, String token) {
    headers.setBearerAuth(token);
  }

  private void count(String operation, String outcome, String status) {
    meters
        .counter("medcontrol.calls", "operation", operation, "outcome", outcome, "status", status)
        .increment();
  }

  private record CaseList(List<RemoteCase> items) {}
}
