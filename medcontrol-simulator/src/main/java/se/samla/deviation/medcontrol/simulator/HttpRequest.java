package se.samla.deviation.medcontrol.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The parts of a request the simulator looks at. */
record HttpRequest(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body) {

  static HttpRequest of(
      String method, String url, Map<String, String> headersLowerCase, String body) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    Map<String, String> query = new HashMap<>();
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        query.putIfAbsent(decode(name), decode(value));
      }
    }
    return new HttpRequest(method.toUpperCase(), path, query, headersLowerCase, body);
  }

  String header(String name) {
    return headers.get(name.toLowerCase());
  }

  static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
