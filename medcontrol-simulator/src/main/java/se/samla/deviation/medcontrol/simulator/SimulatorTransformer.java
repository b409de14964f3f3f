package se.samla.deviation.medcontrol.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request to the simulator's one catch-all stub: the contract, its faults, and the
 * control API. Logs method, path template and status only, never a body (bodies carry
 * personnummer).
 */
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "medcontrol-simulator";

  private static final Logger LOG = LoggerFactory.getLogger(MedControlSimulator.class);
  private static final Pattern CASE_PATH = Pattern.compile("/api/v1/cases/([^/]+)");

  private final CaseStore store;
  private final Tokens tokens;
  private final Faults faults;
  private final RequestLog requests;
  private final ControlApi control;

  SimulatorTransformer(
      CaseStore store, Tokens tokens, Faults faults, RequestLog requests, ControlApi control) {
    this.store = store;
    this.tokens = tokens;
    this.faults = faults;
    this.requests = requests;
    this.control = control;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    HttpRequest request = read(serveEvent.getRequest());
    try {
      if (request.path().equals("/__control") || request.path().startsWith("/__control/")) {
        return render(control.handle(request), null);
      }
      return serve(request);
    } catch (RuntimeException e) {
      // The exception's message may quote the request; log its type only.
      LOG.warn(
          "MedControl simulator failed on {} {}: {}",
          request.method(),
          template(request.path()),
          e.getClass().getName());
      return render(Reply.problem(500, "Internal Server Error", "simulator error"), null);
    }
  }

  private ResponseDefinition serve(HttpRequest request) {
    String template = template(request.path());
    boolean isCreate = request.method().equals("POST") && template.equals("/api/v1/cases");
    requests.record(
        request.method(), template, isCreate ? request.header("Idempotency-Key") : null);

    Faults.Decision fault = faults.decide(request.method(), request.path());
    if (fault != null && !fault.afterProcessing()) {
      LOG.debug("{} {} -> fault {}", request.method(), template, fault.kind());
      return renderFault(fault, null);
    }
    Reply reply = process(request);
    LOG.debug("{} {} -> {}", request.method(), template, reply.status());
    if (fault != null) {
      return renderFault(fault, reply);
    }
    return render(reply, request.path().startsWith("/api/v1/") ? faults.delayAll() : null);
  }

  private Reply process(HttpRequest request) {
    String method = request.method();
    String path = request.path();
    if (path.equals("/oauth2/token")) {
      return method.equals("POST") ? tokens.issue(request.body()) : notAllowed();
    }
    if (!path.startsWith("/api/v1/")) {
      return Reply.problem(404, "Not Found", "no such resource");
    }
    Reply unauthorized = tokens.check(request.header("Authorization"));
    if (unauthorized != null) {
      return unauthorized;
    }
    if (path.equals("/api/v1/cases")) {
      return switch (method) {
        case "POST" -> store.create(request.header("Idempotency-Key"), request.body());
        case "GET" -> store.findBySourceReference(request.query().get("sourceReference"));
        default -> notAllowed();
      };
    }
    if (path.equals("/api/v1/changes")) {
      return method.equals("GET")
          ? store.changes(request.query().get("since"), request.query().get("limit"))
          : notAllowed();
    }
    Matcher matcher = CASE_PATH.matcher(path);
    if (matcher.matches()) {
      String id = HttpRequest.decode(matcher.group(1));
      return switch (method) {
        case "GET" -> store.get(id);
        case "PATCH" ->
            store.patch(
                id, request.header("If-Match"), request.header("Idempotency-Key"), request.body());
        default -> notAllowed();
      };
    }
    return Reply.problem(404, "Not Found", "no such resource");
  }

  private static Reply notAllowed() {
    return Reply.problem(405, "Method Not Allowed", null);
  }

  static String template(String path) {
    return CASE_PATH.matcher(path).matches() ? "/api/v1/cases/{id}" : path;
  }

  private static HttpRequest read(LoggedRequest request) {
    Map<String, String> headers = new HashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key().toLowerCase(), header.firstValue());
    }
    return HttpRequest.of(
        request.getMethod().getName(), request.getUrl(), headers, request.getBodyAsString());
  }

  private static ResponseDefinition renderFault(Faults.Decision fault, Reply processed) {
    return switch (fault.kind()) {
      case STATUS -> {
        Reply reply = Reply.problem(fault.status(), title(fault.status()), "simulated fault");
        if (fault.retryAfterSeconds() != null) {
          reply = reply.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        yield render(reply, null);
      }
      case RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case EMPTY -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
      case GARBLE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE).build();
      case CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK).build();
      case DELAY -> render(processed, fault.delay());
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Simulated Fault";
    };
  }

  private static ResponseDefinition render(Reply reply, Duration delay) {
    ResponseDefinitionBuilder builder =
        aResponse()
            .withStatus(reply.status())
            .withHeader("Content-Type", reply.contentType())
            .withBody(reply.body());
    reply.headers().forEach(builder::withHeader);
    if (delay != null) {
      builder.withFixedDelay(Math.toIntExact(delay.toMillis()));
    }
    return builder.build();
  }
}
