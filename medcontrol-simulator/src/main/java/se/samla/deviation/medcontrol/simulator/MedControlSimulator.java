package se.samla.deviation.medcontrol.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A MedControl PRO stand-in that honours {@code medcontrol-case-api-v1} (OAuth token, cases,
 * versions, idempotency, change feed) and injects real faults. One WireMock server with one
 * catch-all stub whose response is computed by a transformer that holds the state.
 *
 * <pre>{@code
 * try (MedControlSimulator sim = MedControlSimulator.start(Options.defaults().port(0))) {
 *   sim.baseUrl();       // http://localhost:PORT, the API is under /api/v1
 *   sim.tokenUrl();      // http://localhost:PORT/oauth2/token
 *   sim.faults().onPath("POST", "/api/v1/cases").resetNext(1, true);
 *   MedControlCase remote = sim.remote().createCase("SE...-REP", "SE...-REC");
 *   sim.remote().update(remote.id(), c -> c.status("IN_PROGRESS"));
 *   sim.freezeAt(Instant.parse("2026-05-01T10:00:00Z"));
 *   sim.requests().count("POST", "/api/v1/cases");
 * }
 * }</pre>
 *
 * <p>Java API: {@link #start(Options)}, {@link #baseUrl()}, {@link #tokenUrl()}, {@link #port()},
 * {@link #clientId()}, {@link #clientSecret()}, {@link #faults()}, {@link #remote()}, {@link
 * #requests()}, {@link #cases()}, {@link #caseById(String)}, {@link
 * #caseBySourceReference(String)}, {@link #createsWithKey(String)}, {@link #successfulCreates()},
 * {@link #requestCount(String, String)}, {@link #distinctCreateKeys()}, {@link #expireAllTokens()},
 * {@link #tokenLifetime(Duration)}, {@link #registeredUnits(Set)}, {@link #setClock(Clock)}, {@link
 * #freezeAt(Instant)}, {@link #advance(Duration)}, {@link #now()}, {@link #reset()}, {@link
 * #close()}. The HTTP control API is described at {@code GET /__control}.
 *
 * <p>Choices where the contract is silent: body validation failures are 422 (unknown fields
 * included), malformed JSON, missing or malformed headers and bad query parameters 400; a missing
 * {@code If-Match} is 400. An empty {@code CaseUpdate} changes nothing and keeps the version. A
 * {@code comment} is kept (see {@link MedControlCase#comments()}) but is not part of {@code Case}.
 * The change feed holds every case created through the API plus the remote cases of the registered
 * units; its cursor is inclusive, so a page of limit 1 never moves on.
 *
 * <p>Thread-safe. The simulator never logs a request body.
 */
public final class MedControlSimulator implements AutoCloseable {

  private final Options options;
  private final SimulatorClock clock;
  private final CaseStore store;
  private final Tokens tokens;
  private final Faults faults = new Faults();
  private final RequestLog requests = new RequestLog();
  private final RemoteCases remote;
  private final WireMockServer server;

  private MedControlSimulator(Options options) {
    this.options = options;
    this.clock = new SimulatorClock(options.clock);
    this.store = new CaseStore(clock, options.categories, options.registeredUnits);
    this.tokens = new Tokens(clock, options.clientId, options.clientSecret, options.tokenLifetime);
    this.remote = new RemoteCases(store, clock);
    SimulatorTransformer transformer =
        new SimulatorTransformer(store, tokens, faults, requests, new ControlApi(this));
    this.server =
        new WireMockServer(
            WireMockConfiguration.options()
                .port(options.port)
                .bindAddress(options.bindAddress)
                .http2PlainDisabled(true)
                .gzipDisabled(true)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .notifier(new QuietNotifier())
                .extensions(transformer));
  }

  /** Starts a simulator; close it when done. */
  public static MedControlSimulator start(Options options) {
    MedControlSimulator simulator = new MedControlSimulator(options);
    simulator.server.start();
    simulator.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    return simulator;
  }

  /** Starts a simulator with the defaults on a free port. */
  public static MedControlSimulator start() {
    return start(Options.defaults().port(0));
  }

  /** The API's base URL, e.g. {@code http://localhost:8089} (paths start with /api/v1). */
  public String baseUrl() {
    return "http://" + host() + ":" + port();
  }

  /** The OAuth 2.0 token endpoint. */
  public String tokenUrl() {
    return baseUrl() + "/oauth2/token";
  }

  public int port() {
    return server.port();
  }

  public String clientId() {
    return options.clientId;
  }

  public String clientSecret() {
    return options.clientSecret;
  }

  public Faults faults() {
    return faults;
  }

  public RemoteCases remote() {
    return remote;
  }

  public RequestLog requests() {
    return requests;
  }

  /** All cases, ordered by id. */
  public List<MedControlCase> cases() {
    return store.cases();
  }

  public Optional<MedControlCase> caseById(String id) {
    return store.byId(id);
  }

  public Optional<MedControlCase> caseBySourceReference(String sourceReference) {
    return store.bySourceReference(sourceReference);
  }

  /** Create requests received with this Idempotency-Key (faulted ones included). */
  public int createsWithKey(String idempotencyKey) {
    return requests.createsWithKey(idempotencyKey);
  }

  /** Cases created through the API (201s), whether or not the client saw the answer. */
  public int successfulCreates() {
    return store.successfulCreates();
  }

  /** Requests received for a method and path template, e.g. ("PATCH", "/api/v1/cases/{id}"). */
  public int requestCount(String method, String pathTemplate) {
    return requests.count(method, pathTemplate);
  }

  public Set<String> distinctCreateKeys() {
    return requests.distinctCreateKeys();
  }

  /** Every token issued so far becomes invalid: the next API call with one gets 401. */
  public void expireAllTokens() {
    tokens.expireAll();
  }

  /** The lifetime of tokens issued from now on. */
  public void tokenLifetime(Duration lifetime) {
    tokens.lifetime(lifetime);
  }

  /** The units the client is registered for (remote cases outside them stay out of the feed). */
  public void registeredUnits(Set<String> hsaIds) {
    store.registeredUnits(Objects.requireNonNull(hsaIds));
  }

  /** Every remote case is in the feed (the default). */
  public void registerAllUnits() {
    store.registeredUnits(null);
  }

  /** Follows this clock from now on. */
  public void setClock(Clock clock) {
    this.clock.set(clock);
  }

  /** Stops time at this instant (until {@link #advance(Duration)} or {@link #setClock(Clock)}). */
  public void freezeAt(Instant instant) {
    clock.freezeAt(instant);
  }

  /** Moves the simulator's time forward (tokens expire, modifiedAt moves). */
  public void advance(Duration duration) {
    clock.advance(duration);
  }

  /** The simulator's now, to the millisecond. */
  public Instant now() {
    return clock.now();
  }

  /**
   * Drops every case, idempotency key, request count and fault. Issued tokens, the clock and the
   * registered units stay.
   */
  public void reset() {
    store.reset();
    faults.clear();
    requests.reset();
  }

  @Override
  public void close() {
    server.stop();
  }

  private String host() {
    String bind = options.bindAddress;
    return bind.equals("0.0.0.0") || bind.equals("127.0.0.1") ? "localhost" : bind;
  }

  /** Start options; immutable, each method returns a changed copy. */
  public static final class Options {

    /** SAM-01..SAM-10 and SAM-99. */
    public static final Set<String> DEFAULT_CATEGORIES =
        Stream.concat(
                IntStream.rangeClosed(1, 10).mapToObj(i -> "SAM-%02d".formatted(i)),
                Stream.of("SAM-99"))
            .collect(Collectors.toUnmodifiableSet());

    private int port = 8089;
    private String bindAddress = "localhost";
    private String clientId = "samverkan-dev";
    private String clientSecret = "dev-only-secret";
    private Duration tokenLifetime = Duration.ofSeconds(300);
    private Set<String> categories = DEFAULT_CATEGORIES;
    private Set<String> registeredUnits;
    private Clock clock = Clock.systemUTC();

    private Options() {}

    /**
     * Port 8089 on localhost, client {@code samverkan-dev}/{@code dev-only-secret}, tokens for 300
     * s, the default categories, all units registered, the system clock.
     */
    public static Options defaults() {
      return new Options();
    }

    /** The port; 0 picks a free one. */
    public Options port(int port) {
      Options copy = copy();
      copy.port = port;
      return copy;
    }

    public Options bindAddress(String bindAddress) {
      Options copy = copy();
      copy.bindAddress = Objects.requireNonNull(bindAddress);
      return copy;
    }

    public Options clientId(String clientId) {
      Options copy = copy();
      copy.clientId = Objects.requireNonNull(clientId);
      return copy;
    }

    public Options clientSecret(String clientSecret) {
      Options copy = copy();
      copy.clientSecret = Objects.requireNonNull(clientSecret);
      return copy;
    }

    public Options tokenLifetime(Duration tokenLifetime) {
      Options copy = copy();
      copy.tokenLifetime = Objects.requireNonNull(tokenLifetime);
      return copy;
    }

    /** The known category codes; anything else is 422. */
    public Options categories(Set<String> categories) {
      Options copy = copy();
      copy.categories = Set.copyOf(categories);
      return copy;
    }

    /** The units the client is registered for; null means all. */
    public Options registeredUnits(Set<String> hsaIds) {
      Options copy = copy();
      copy.registeredUnits = hsaIds == null ? null : Set.copyOf(hsaIds);
      return copy;
    }

    public Options clock(Clock clock) {
      Options copy = copy();
      copy.clock = Objects.requireNonNull(clock);
      return copy;
    }

    private Options copy() {
      Options copy = new Options();
      copy.port = port;
      copy.bindAddress = bindAddress;
      copy.clientId = clientId;
      copy.clientSecret = clientSecret;
      copy.tokenLifetime = tokenLifetime;
      copy.categories = categories;
      copy.registeredUnits = registeredUnits;
      copy.clock = clock;
      return copy;
    }
  }
}
