package se.samla.deviation.medcontrol.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A plain HTTP client of the simulator, as the adapter would be one, for the tests. */
final class ApiClient {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final MedControlSimulator sim;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String token;

  ApiClient(MedControlSimulator sim) {
    this.sim = sim;
  }

  /** A response whose body is parsed when it is JSON. */
  record Response(HttpResponse<String> raw) {
    int status() {
      return raw.statusCode();
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  HttpResponse<String> tokenRequest(String clientId, String secret) throws IOException {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  String token() throws IOException {
    if (token == null) {
      token =
          MAPPER
              .readTree(tokenRequest(sim.clientId(), sim.clientSecret()).body())
              .get("access_token")
              .asText();
    }
    return token;
  }

  void forgetToken() {
    token = null;
  }

  Response create(String key, ObjectNode body) throws IOException {
    HttpRequest.Builder b = api("/api/v1/cases").POST(json(body));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return new Response(send(b.build()));
  }

  Response patch(String id, String ifMatch, String key, ObjectNode body) throws IOException {
    HttpRequest.Builder b = api("/api/v1/cases/" + id).method("PATCH", json(body));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return new Response(send(b.build()));
  }

  Response get(String pathAndQuery) throws IOException {
    return new Response(send(api(pathAndQuery).GET().build()));
  }

  Response get(String pathAndQuery, Duration timeout) throws IOException {
    return new Response(send(api(pathAndQuery).timeout(timeout).GET().build()));
  }

  Response control(String method, String path, String body) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return new Response(send(request));
  }

  HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  HttpRequest.Builder api(String pathAndQuery) throws IOException {
    return HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + token())
        .header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher json(ObjectNode body) {
    return HttpRequest.BodyPublishers.ofString(body.toString());
  }

  static String newKey() {
    return UUID.randomUUID().toString();
  }

  /** A valid CaseCreate with a fresh sourceReference. */
  static ObjectNode caseCreate() {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("sourceSystem", "samverkan-avvikelser");
    body.put("sourceReference", UUID.randomUUID().toString());
    body.put("caseNumber", "SAMLA-2026-000123");
    body.put("occurredAt", "2026-05-01T08:15:00+02:00");
    body.put("reportedAt", "2026-05-01T09:00:00Z");
    body.put("reportingUnitHsaId", "SE2321000016-A001");
    body.put("receivingUnitHsaId", "SE2321000016-B002");
    body.put("category", "SAM-03");
    body.put("description", "Remiss kom inte fram");
    body.put("consequence", 2);
    body.put("probability", 3);
    ObjectNode reporter = body.putObject("reporter");
    reporter.put("hsaId", "SE2321000016-P100");
    reporter.put("name", "Rut Rapportör");
    return body;
  }
}
