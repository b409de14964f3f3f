package se.samla.deviation.medcontrol.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Fault injection. Faults are real: statuses are HTTP answers, the others are WireMock socket
 * faults ({@code CONNECTION_RESET_BY_PEER}, {@code EMPTY_RESPONSE}, {@code RANDOM_DATA_THEN_CLOSE},
 * {@code MALFORMED_RESPONSE_CHUNK}) and fixed delays.
 *
 * <p>By default a fault hits the next calls to {@code /api/v1/**} (not the token endpoint); {@link
 * #onPath(String, String)} returns a view whose faults hit only one method and path prefix (which
 * may be {@code /oauth2/token}). Queued faults are consumed in order, one per matching request,
 * atomically: with concurrent clients each queued fault hits exactly one request.
 *
 * <p>{@code afterProcessing = true} means the request is applied first (a create really creates)
 * and only then answered with the fault: the client cannot know the outcome. Status faults and
 * {@link #down(boolean)} never process the request; delays always do.
 *
 * <p>Precedence per request: down, then the first matching queued fault, then the random error
 * rate; {@link #delayAll(Duration)} is added to every response that is not a fault.
 */
public final class Faults {

  enum Kind {
    STATUS,
    RESET,
    EMPTY,
    GARBLE,
    CHUNK,
    DELAY
  }

  /** What to do to one request. */
  record Decision(
      Kind kind, int status, Integer retryAfterSeconds, boolean afterProcessing, Duration delay) {}

  private static final String API = "/api/v1/";

  private final State state;
  private final String method;
  private final String pathPrefix;

  Faults() {
    this(new State(), null, null);
  }

  private Faults(State state, String method, String pathPrefix) {
    this.state = state;
    this.method = method;
    this.pathPrefix = pathPrefix;
  }

  /**
   * A view whose queued faults hit only requests with this method (null: any) and a path starting
   * with this prefix, e.g. {@code onPath("POST", "/api/v1/cases")}.
   */
  public Faults onPath(String method, String pathPrefix) {
    return new Faults(state, method, pathPrefix);
  }

  /** The next {@code n} calls are answered with this status (a problem), unprocessed. */
  public Faults failNext(int n, int status) {
    return failNext(n, status, null);
  }

  /** As {@link #failNext(int, int)}, with a {@code Retry-After} header when the seconds are set. */
  public Faults failNext(int n, int status, Integer retryAfterSeconds) {
    return add(n, new Decision(Kind.STATUS, status, retryAfterSeconds, false, null));
  }

  /** The next {@code n} calls get their connection reset, before or after being processed. */
  public Faults resetNext(int n, boolean afterProcessing) {
    return add(n, new Decision(Kind.RESET, 0, null, afterProcessing, null));
  }

  /** The next {@code n} calls get the connection closed without any response. */
  public Faults emptyNext(int n, boolean afterProcessing) {
    return add(n, new Decision(Kind.EMPTY, 0, null, afterProcessing, null));
  }

  /** The next {@code n} calls get random bytes (not HTTP), then the connection closes. */
  public Faults garbleNext(int n, boolean afterProcessing) {
    return add(n, new Decision(Kind.GARBLE, 0, null, afterProcessing, null));
  }

  /** The next {@code n} calls get a 200 with a malformed chunk in the body. */
  public Faults chunkBreakNext(int n, boolean afterProcessing) {
    return add(n, new Decision(Kind.CHUNK, 0, null, afterProcessing, null));
  }

  /** The next {@code n} calls are processed and answered only after this delay. */
  public Faults delayNext(int n, Duration delay) {
    return add(n, new Decision(Kind.DELAY, 0, null, true, delay));
  }

  /** Every API response (not a fault) is delayed by this much; null or zero turns it off. */
  public Faults delayAll(Duration delay) {
    synchronized (state) {
      state.delayAll = delay == null || delay.isZero() ? null : delay;
    }
    return this;
  }

  /**
   * That share (0..1) of API calls fail before processing, half with 503 and half with a reset,
   * drawn from a random sequence with this seed; 0 turns it off.
   */
  public Faults randomErrorRate(double p, long seed) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("p must be 0..1");
    }
    synchronized (state) {
      state.errorRate = p;
      state.random = new Random(seed);
    }
    return this;
  }

  /** While down, every API call is answered 503 without Retry-After, unprocessed. */
  public Faults down(boolean down) {
    synchronized (state) {
      state.down = down;
    }
    return this;
  }

  /** Removes every fault: the queue, down, the random error rate and the delay. */
  public Faults clear() {
    synchronized (state) {
      state.queue.clear();
      state.down = false;
      state.errorRate = 0;
      state.delayAll = null;
    }
    return this;
  }

  /** How many queued faults are still to be consumed. */
  public int pending() {
    synchronized (state) {
      return state.queue.stream().mapToInt(r -> r.remaining).sum();
    }
  }

  /** Takes the fault for this request, if any; the queue is consumed atomically. */
  Decision decide(String requestMethod, String path) {
    synchronized (state) {
      boolean api = path.startsWith(API);
      if (api && state.down) {
        return new Decision(Kind.STATUS, 503, null, false, null);
      }
      for (Iterator<Rule> it = state.queue.iterator(); it.hasNext(); ) {
        Rule rule = it.next();
        if (rule.matches(requestMethod, path)) {
          if (--rule.remaining == 0) {
            it.remove();
          }
          return rule.decision;
        }
      }
      if (api && state.errorRate > 0 && state.random.nextDouble() < state.errorRate) {
        return state.random.nextBoolean()
            ? new Decision(Kind.STATUS, 503, null, false, null)
            : new Decision(Kind.RESET, 0, null, false, null);
      }
      return null;
    }
  }

  Duration delayAll() {
    synchronized (state) {
      return state.delayAll;
    }
  }

  private Faults add(int n, Decision decision) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    synchronized (state) {
      state.queue.add(new Rule(decision, n, method, pathPrefix));
    }
    return this;
  }

  private static final class State {
    final List<Rule> queue = new ArrayList<>();
    boolean down;
    double errorRate;
    Random random = new Random(0);
    Duration delayAll;
  }

  private static final class Rule {
    final Decision decision;
    final String method;
    final String pathPrefix;
    int remaining;

    Rule(Decision decision, int remaining, String method, String pathPrefix) {
      this.decision = decision;
      this.remaining = remaining;
      this.method = method;
      this.pathPrefix = pathPrefix;
    }

    boolean matches(String requestMethod, String path) {
      if (method != null && !method.equalsIgnoreCase(requestMethod)) {
        return false;
      }
      return pathPrefix == null ? path.startsWith(API) : path.startsWith(pathPrefix);
    }
  }
}
