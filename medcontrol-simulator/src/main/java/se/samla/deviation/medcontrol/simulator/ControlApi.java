package se.samla.deviation.medcontrol.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP control API under {@code /__control/} for a person trying the laptop run. JSON in, JSON
 * out, no authentication (the simulator binds to localhost by default). {@code GET /__control}
 * lists the endpoints.
 */
final class ControlApi {

  private static final Pattern CASE = Pattern.compile("/__control/cases/([^/]+)(/[a-z]+)?");

  private final MedControlSimulator simulator;

  ControlApi(MedControlSimulator simulator) {
    this.simulator = simulator;
  }

  Reply handle(HttpRequest request) {
    String method = request.method();
    String path = request.path().replaceAll("/+$", "");
    ObjectNode body = Json.parseObject(request.body());
    if (body == null) {
      body = Json.object();
    }
    try {
      return route(method, path, body);
    } catch (IllegalArgumentException e) {
      return Reply.problem(422, "Unprocessable Entity", e.getMessage());
    }
  }

  private Reply route(String method, String path, ObjectNode body) {
    switch (method + " " + path) {
      case "GET /__control":
        return Reply.json(200, help());
      case "GET /__control/cases":
        return Reply.json(200, cases());
      case "POST /__control/cases":
        return Reply.json(201, simulator.remote().createCase(c -> c.from(body)).json());
      case "GET /__control/requests":
        return Reply.json(200, Json.MAPPER.valueToTree(simulator.requests().counts()));
      case "GET /__control/faults":
        return Reply.json(200, Json.object().put("pending", simulator.faults().pending()));
      case "POST /__control/faults":
        return addFault(body);
      case "DELETE /__control/faults":
        simulator.faults().clear();
        return ok();
      case "POST /__control/faults/down":
        simulator.faults().down(body.path("down").asBoolean(true));
        return ok();
      case "POST /__control/faults/random":
        simulator
            .faults()
            .randomErrorRate(body.path("rate").asDouble(0), body.path("seed").asLong(0));
        return ok();
      case "POST /__control/faults/delay-all":
        simulator.faults().delayAll(Duration.ofMillis(body.path("millis").asLong(0)));
        return ok();
      case "POST /__control/tokens/expire":
        simulator.expireAllTokens();
        return ok();
      case "POST /__control/reset":
        simulator.reset();
        return ok();
      default:
        return caseRoute(method, path, body);
    }
  }

  private Reply caseRoute(String method, String path, ObjectNode body) {
    Matcher matcher = CASE.matcher(path);
    if (!matcher.matches()) {
      return Reply.problem(404, "Not Found", "see GET /__control");
    }
    String id = HttpRequest.decode(matcher.group(1));
    String action = Optional.ofNullable(matcher.group(2)).orElse("");
    if (simulator.caseById(id).isEmpty()) {
      return Reply.problem(404, "Not Found", "no such case");
    }
    MedControlCase changed;
    switch (method + " " + action) {
      case "GET ":
        return Reply.json(200, simulator.caseById(id).orElseThrow().json());
      case "PATCH ":
        changed = simulator.remote().update(id, c -> c.from(body));
        break;
      case "POST /answer":
        changed =
            simulator
                .remote()
                .update(
                    id,
                    c ->
                        c.answer(
                                text(body, "investigation"),
                                text(body, "causes"),
                                text(body, "measures"),
                                simulator.now())
                            .status("ANSWERED"));
        break;
      case "POST /handler":
        changed =
            simulator.remote().update(id, c -> c.handler(text(body, "hsaId"), text(body, "name")));
        break;
      case "POST /status":
        changed = simulator.remote().update(id, c -> c.status(text(body, "status")));
        break;
      default:
        return Reply.problem(404, "Not Found", "see GET /__control");
    }
    return Reply.json(200, changed.json());
  }

  private Reply addFault(ObjectNode body) {
    Faults target = simulator.faults();
    if (body.hasNonNull("pathPrefix")) {
      target = target.onPath(text(body, "method"), text(body, "pathPrefix"));
    }
    int count = body.path("count").asInt(1);
    boolean after = body.path("afterProcessing").asBoolean(false);
    String kind = body.path("kind").asText("status");
    switch (kind) {
      case "status" ->
          target.failNext(
              count,
              body.path("status").asInt(503),
              body.hasNonNull("retryAfterSeconds") ? body.get("retryAfterSeconds").asInt() : null);
      case "reset" -> target.resetNext(count, after);
      case "empty" -> target.emptyNext(count, after);
      case "garble" -> target.garbleNext(count, after);
      case "chunk" -> target.chunkBreakNext(count, after);
      case "delay" -> target.delayNext(count, Duration.ofMillis(body.path("millis").asLong(0)));
      default ->
          throw new IllegalArgumentException(
              "kind must be status, reset, empty, garble, chunk or delay");
    }
    return ok();
  }

  private ArrayNode cases() {
    ArrayNode items = Json.array();
    simulator.cases().forEach(c -> items.add(c.json()));
    return items;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Reply ok() {
    return Reply.json(200, Json.object().put("ok", true));
  }

  private static ObjectNode help() {
    ObjectNode help = Json.object();
    help.put("about", "MedControl PRO simulator (not the real system): control endpoints");
    help.put("GET /__control/cases", "list all cases");
    help.put(
        "POST /__control/cases",
        "register a case in MedControl PRO: {reportingUnitHsaId, receivingUnitHsaId, category,"
            + " description, ...}");
    help.put("GET /__control/cases/{id}", "one case");
    help.put("PATCH /__control/cases/{id}", "a change made in MedControl PRO (CaseUpdate body)");
    help.put(
        "POST /__control/cases/{id}/answer",
        "answer the case: {investigation, causes, measures}; status becomes ANSWERED");
    help.put("POST /__control/cases/{id}/handler", "set the handler: {hsaId, name}");
    help.put("POST /__control/cases/{id}/status", "set the status: {status}");
    help.put(
        "POST /__control/faults",
        "queue a fault: {kind: status|reset|empty|garble|chunk|delay, count, status,"
            + " retryAfterSeconds, afterProcessing, millis, method, pathPrefix}");
    help.put("GET /__control/faults", "queued faults still pending");
    help.put("DELETE /__control/faults", "clear all faults");
    help.put("POST /__control/faults/down", "{down: true|false}: every API call 503");
    help.put("POST /__control/faults/random", "{rate: 0..1, seed}: random 503s and resets");
    help.put("POST /__control/faults/delay-all", "{millis}: delay every API response");
    help.put("POST /__control/tokens/expire", "make every issued token invalid");
    help.put("GET /__control/requests", "request counts per method and path");
    help.put("POST /__control/reset", "drop all cases, keys, counts and faults");
    return help;
  }
}
