package se.samla.deviation.medcontrol.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer before it is turned into a WireMock response (and perhaps into a fault). */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, JsonNode body) {
    return new Reply(status, JSON, Json.write(body), Map.of());
  }

  static Reply withCase(int status, ObjectNode caseJson) {
    return json(status, caseJson).header("ETag", etag(caseJson.get("version").asLong()));
  }

  /**
   * An RFC 9457 problem. The detail names fields and rules only, never a value from the request
   * (the request may carry a personnummer).
   */
  static Reply problem(int status, String title, String detail) {
    ObjectNode problem = Json.object();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    if (detail != null) {
      problem.put("detail", detail);
    }
    return new Reply(status, PROBLEM, Json.write(problem), Map.of());
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  Reply header(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, contentType, body, copy);
  }
}
