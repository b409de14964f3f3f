package se.samla.deviation.medcontrol.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated MedControl PRO: its cases and the contract's rules on them. Every operation holds
 * the store's monitor, so concurrent clients see one order of events.
 */
final class CaseStore {

  private static final Comparator<StoredCase> FEED_ORDER =
      Comparator.comparing((StoredCase c) -> c.modifiedAt).thenComparing(c -> c.id);
  private static final String BEGINNING = "BEGINNING";
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;

  private final SimulatorClock clock;
  private final Set<String> categories;
  private Set<String> registeredUnits;
  private final Map<String, StoredCase> byId = new HashMap<>();
  private final Map<String, String> idBySourceReference = new HashMap<>();
  private final Map<String, CreateRecord> createsByKey = new HashMap<>();
  private final Map<String, PatchRecord> patchesByKey = new HashMap<>();
  private long sequence;
  private int successfulCreates;

  /**
   * Case ids carry a tag of this simulator run: the simulator keeps its cases in memory, and a
   * laptop database that outlives it must never meet a new case under an id it already links.
   */
  private final String runTag =
      Long.toString(
              java.util.concurrent.ThreadLocalRandom.current()
                  .nextLong(36L * 36 * 36, 36L * 36 * 36 * 36),
              36)
          .toUpperCase(java.util.Locale.ROOT);

  CaseStore(SimulatorClock clock, Set<String> categories, Set<String> registeredUnits) {
    this.clock = clock;
    this.categories = Set.copyOf(categories);
    this.registeredUnits = registeredUnits == null ? null : Set.copyOf(registeredUnits);
  }

  // ---- the contract ----

  synchronized Reply create(String idempotencyKey, String body) {
    if (idempotencyKey == null) {
      return Reply.problem(400, "Bad Request", "Idempotency-Key header is required");
    }
    if (!CaseRules.isUuid(idempotencyKey)) {
      return Reply.problem(400, "Bad Request", "Idempotency-Key must be a UUID");
    }
    ObjectNode request = Json.parseObject(body);
    if (request == null) {
      return Reply.problem(400, "Bad Request", "the body must be a JSON object");
    }
    CreateRecord earlier = createsByKey.get(idempotencyKey);
    if (earlier != null) {
      if (!earlier.request.equals(request)) {
        return Reply.problem(
            422, "Unprocessable Entity", "Idempotency-Key was used with a different body");
      }
      return Reply.withCase(200, byId.get(earlier.caseId).json.deepCopy());
    }
    List<String> errors = CaseRules.validateCreate(request, categories);
    if (!errors.isEmpty()) {
      return Reply.problem(422, "Unprocessable Entity", String.join("; ", errors));
    }
    String existing = idBySourceReference.get(request.get("sourceReference").asText());
    if (existing != null) {
      return Reply.withCase(409, byId.get(existing).json.deepCopy());
    }
    ObjectNode json = newCase(request);
    StoredCase created = store(json, false);
    createsByKey.put(idempotencyKey, new CreateRecord(request.deepCopy(), created.id));
    successfulCreates++;
    return Reply.withCase(201, created.json.deepCopy())
        .header("Location", "/api/v1/cases/" + created.id);
  }

  synchronized Reply findBySourceReference(String sourceReference) {
    if (sourceReference == null || sourceReference.isBlank()) {
      return Reply.problem(400, "Bad Request", "sourceReference is required");
    }
    ArrayNode items = Json.array();
    Optional.ofNullable(idBySourceReference.get(sourceReference))
        .map(byId::get)
        .ifPresent(c -> items.add(c.json.deepCopy()));
    ObjectNode page = Json.object();
    page.set("items", items);
    return Reply.json(200, page);
  }

  synchronized Reply get(String id) {
    StoredCase found = byId.get(id);
    return found == null ? notFound() : Reply.withCase(200, found.json.deepCopy());
  }

  synchronized Reply patch(String id, String ifMatch, String idempotencyKey, String body) {
    if (ifMatch == null) {
      return Reply.problem(400, "Bad Request", "If-Match header is required");
    }
    Long expectedVersion = parseEtag(ifMatch);
    if (expectedVersion == null) {
      return Reply.problem(400, "Bad Request", "If-Match must be a quoted version, e.g. \"3\"");
    }
    if (idempotencyKey == null) {
      return Reply.problem(400, "Bad Request", "Idempotency-Key header is required");
    }
    if (!CaseRules.isUuid(idempotencyKey)) {
      return Reply.problem(400, "Bad Request", "Idempotency-Key must be a UUID");
    }
    ObjectNode request = Json.parseObject(body);
    if (request == null) {
      return Reply.problem(400, "Bad Request", "the body must be a JSON object");
    }
    PatchRecord earlier = patchesByKey.get(idempotencyKey);
    if (earlier != null) {
      if (!earlier.caseId.equals(id)
          || earlier.expectedVersion != expectedVersion
          || !earlier.request.equals(request)) {
        return Reply.problem(
            422, "Unprocessable Entity", "Idempotency-Key was used with a different request");
      }
      return Reply.withCase(200, earlier.result.deepCopy());
    }
    StoredCase found = byId.get(id);
    if (found == null) {
      return notFound();
    }
    List<String> errors = CaseRules.validateUpdate(request);
    if (!errors.isEmpty()) {
      return Reply.problem(422, "Unprocessable Entity", String.join("; ", errors));
    }
    if (found.version() != expectedVersion) {
      return Reply.problem(
          412, "Precondition Failed", "the case is at version " + found.version() + " now");
    }
    apply(found, request);
    patchesByKey.put(
        idempotencyKey,
        new PatchRecord(id, expectedVersion, request.deepCopy(), found.json.deepCopy()));
    return Reply.withCase(200, found.json.deepCopy());
  }

  synchronized Reply changes(String since, String limitParameter) {
    int limit = DEFAULT_LIMIT;
    if (limitParameter != null) {
      try {
        limit = Integer.parseInt(limitParameter);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        return Reply.problem(400, "Bad Request", "limit must be an integer 1.." + MAX_LIMIT);
      }
    }
    Position from;
    if (since == null) {
      from = null;
    } else {
      Optional<Position> decoded = decodeCursor(since);
      if (decoded.isEmpty()) {
        return Reply.problem(400, "Bad Request", "since is not a cursor from this feed");
      }
      from = decoded.get().beginning() ? null : decoded.get();
    }
    List<StoredCase> feed =
        byId.values().stream()
            .filter(this::visibleInFeed)
            .filter(c -> from == null || from.compareTo(c) <= 0)
            .sorted(FEED_ORDER)
            .toList();
    List<StoredCase> page = feed.subList(0, Math.min(limit, feed.size()));
    ArrayNode items = Json.array();
    page.forEach(c -> items.add(c.json.deepCopy()));
    ObjectNode result = Json.object();
    result.set("items", items);
    String nextCursor;
    if (!page.isEmpty()) {
      nextCursor = encodeCursor(page.get(page.size() - 1));
    } else {
      nextCursor = since != null ? since : encode(BEGINNING);
    }
    result.put("nextCursor", nextCursor);
    result.put("hasMore", feed.size() > page.size());
    return Reply.json(200, result);
  }

  // ---- changes made in MedControl PRO itself ----

  /** Registers a case in MedControl PRO; throws IllegalArgumentException when it is invalid. */
  synchronized MedControlCase createRemote(ObjectNode fields) {
    ObjectNode asCreate = fields.deepCopy();
    asCreate.put("sourceSystem", "MedControl PRO");
    asCreate.put("sourceReference", "00000000-0000-0000-0000-000000000000");
    asCreate.put("caseNumber", "-");
    List<String> errors = CaseRules.validateCreate(asCreate, categories);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    ObjectNode json = newCase(fields);
    return store(json, true).snapshot();
  }

  synchronized MedControlCase updateRemote(String id, ObjectNode update) {
    StoredCase found = byId.get(id);
    if (found == null) {
      throw new IllegalArgumentException("no case " + id);
    }
    List<String> errors = CaseRules.validateUpdate(update);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    apply(found, update);
    return found.snapshot();
  }

  // ---- inspection ----

  synchronized List<MedControlCase> cases() {
    return byId.values().stream()
        .sorted(Comparator.comparing(c -> c.id))
        .map(StoredCase::snapshot)
        .toList();
  }

  synchronized Optional<MedControlCase> byId(String id) {
    return Optional.ofNullable(byId.get(id)).map(StoredCase::snapshot);
  }

  synchronized Optional<MedControlCase> bySourceReference(String sourceReference) {
    return Optional.ofNullable(idBySourceReference.get(sourceReference))
        .map(byId::get)
        .map(StoredCase::snapshot);
  }

  synchronized int successfulCreates() {
    return successfulCreates;
  }

  synchronized void registeredUnits(Set<String> units) {
    this.registeredUnits = units == null ? null : Set.copyOf(units);
  }

  synchronized void reset() {
    byId.clear();
    idBySourceReference.clear();
    createsByKey.clear();
    patchesByKey.clear();
    sequence = 0;
    successfulCreates = 0;
  }

  // ---- internals ----

  private ObjectNode newCase(ObjectNode fields) {
    Instant now = clock.now();
    String id = "MC-%d-%s-%06d".formatted(now.atZone(ZoneOffset.UTC).getYear(), runTag, ++sequence);
    ObjectNode json = Json.object();
    json.put("id", id);
    json.put("version", 1);
    json.put("status", "NEW");
    json.put("modifiedAt", now.toString());
    json.put("createdAt", now.toString());
    for (String field :
        List.of(
            "sourceSystem",
            "sourceReference",
            "caseNumber",
            "occurredAt",
            "reportedAt",
            "reportingUnitHsaId",
            "receivingUnitHsaId",
            "category",
            "description",
            "immediateActions",
            "consequence",
            "probability",
            "patientIdentityNumber",
            "reporter")) {
      JsonNode value = fields.get(field);
      json.set(field, value == null ? NullNode.getInstance() : value.deepCopy());
    }
    CaseRules.normalizeDateTime(json, "occurredAt");
    CaseRules.normalizeDateTime(json, "reportedAt");
    json.set("handler", NullNode.getInstance());
    json.set("answer", NullNode.getInstance());
    json.set("closedAt", NullNode.getInstance());
    return json;
  }

  private StoredCase store(ObjectNode json, boolean remote) {
    StoredCase stored = new StoredCase(json, remote);
    byId.put(stored.id, stored);
    if (json.hasNonNull("sourceReference")) {
      idBySourceReference.put(json.get("sourceReference").asText(), stored.id);
    }
    return stored;
  }

  /**
   * Applies a valid {@code CaseUpdate}; a non-empty one is a change: version + 1, modifiedAt now.
   */
  private void apply(StoredCase target, ObjectNode update) {
    if (update.isEmpty()) {
      return;
    }
    ObjectNode json = target.json;
    for (String field :
        List.of("status", "receivingUnitHsaId", "handler", "consequence", "probability")) {
      if (update.has(field)) {
        json.set(field, update.get(field).deepCopy());
      }
    }
    if (update.has("answer")) {
      JsonNode answer = update.get("answer").deepCopy();
      if (answer instanceof ObjectNode a) {
        CaseRules.normalizeDateTime(a, "answeredAt");
      }
      json.set("answer", answer);
    }
    if (update.has("closedAt")) {
      json.set("closedAt", update.get("closedAt").deepCopy());
      CaseRules.normalizeDateTime(json, "closedAt");
    }
    if (update.hasNonNull("comment")) {
      target.comments.add(update.get("comment").asText());
    }
    Instant now = clock.now();
    json.put("version", target.version() + 1);
    json.put("modifiedAt", now.toString());
    target.modifiedAt = now;
  }

  private boolean visibleInFeed(StoredCase c) {
    Set<String> units = registeredUnits;
    return !c.remote
        || units == null
        || units.contains(c.json.path("receivingUnitHsaId").asText())
        || units.contains(c.json.path("reportingUnitHsaId").asText());
  }

  private static Reply notFound() {
    return Reply.problem(404, "Not Found", "no such case");
  }

  private static Long parseEtag(String ifMatch) {
    String value = ifMatch.trim();
    if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
      return null;
    }
    try {
      return Long.parseLong(value.substring(1, value.length() - 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String encodeCursor(StoredCase c) {
    return encode(c.modifiedAt + "|" + c.id);
  }

  private static String encode(String payload) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Position> decodeCursor(String cursor) {
    try {
      String payload = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (payload.equals(BEGINNING)) {
        return Optional.of(new Position(null, null));
      }
      int bar = payload.indexOf('|');
      if (bar < 0 || bar == payload.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(
          new Position(Instant.parse(payload.substring(0, bar)), payload.substring(bar + 1)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A place in the feed order; a null instant is the beginning. */
  private record Position(Instant modifiedAt, String id) {
    boolean beginning() {
      return modifiedAt == null;
    }

    int compareTo(StoredCase c) {
      int byTime = modifiedAt.compareTo(c.modifiedAt);
      return byTime != 0 ? byTime : id.compareTo(c.id);
    }
  }

  private record CreateRecord(ObjectNode request, String caseId) {}

  private record PatchRecord(
      String caseId, long expectedVersion, ObjectNode request, ObjectNode result) {}

  private static final class StoredCase {
    final String id;
    final ObjectNode json;
    final boolean remote;
    final List<String> comments = new ArrayList<>();
    Instant modifiedAt;

    StoredCase(ObjectNode json, boolean remote) {
      this.id = json.get("id").asText();
      this.json = json;
      this.remote = remote;
      this.modifiedAt = Instant.parse(json.get("modifiedAt").asText());
    }

    long version() {
      return json.get("version").asLong();
    }

    MedControlCase snapshot() {
      return MedControlCase.of(json, remote, comments);
    }
  }
}
