package se.samla.deviation.medcontrol.simulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulator received, counted per method and path template (e.g. {@code PATCH
 * /api/v1/cases/{id}}) and per create {@code Idempotency-Key}. Every request counts, including
 * those answered with a fault. Nothing from a body is kept.
 */
public final class RequestLog {

  private final Map<String, AtomicInteger> byRoute = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> createsByKey = new ConcurrentHashMap<>();

  void record(String method, String template, String createKey) {
    byRoute.computeIfAbsent(method + " " + template, k -> new AtomicInteger()).incrementAndGet();
    if (createKey != null) {
      createsByKey.computeIfAbsent(createKey, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** Requests received for this method and path template, e.g. ("POST", "/api/v1/cases"). */
  public int count(String method, String pathTemplate) {
    AtomicInteger n = byRoute.get(method.toUpperCase() + " " + pathTemplate);
    return n == null ? 0 : n.get();
  }

  /** Create requests ({@code POST /api/v1/cases}) received with this Idempotency-Key. */
  public int createsWithKey(String idempotencyKey) {
    AtomicInteger n = createsByKey.get(idempotencyKey);
    return n == null ? 0 : n.get();
  }

  /** The distinct Idempotency-Keys seen on create requests. */
  public Set<String> distinctCreateKeys() {
    return Set.copyOf(createsByKey.keySet());
  }

  /** All counts, keyed "METHOD /template". */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    byRoute.forEach((k, v) -> counts.put(k, v.get()));
    return counts;
  }

  void reset() {
    byRoute.clear();
    createsByKey.clear();
  }
}
