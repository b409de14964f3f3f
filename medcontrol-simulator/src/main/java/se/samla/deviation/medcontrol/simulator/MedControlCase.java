package se.samla.deviation.medcontrol.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one simulated case, for tests to assert on. {@link #json()} is the
 * contract's {@code Case} exactly as the API returns it.
 *
 * <p>{@code toString()} leaves out the patient identity number and free text.
 */
public record MedControlCase(
    String id,
    long version,
    String status,
    String sourceReference,
    String caseNumber,
    String reportingUnitHsaId,
    String receivingUnitHsaId,
    String category,
    Handler handler,
    Answer answer,
    Instant closedAt,
    Instant createdAt,
    Instant modifiedAt,
    boolean createdRemotely,
    List<String> comments,
    ObjectNode json) {

  /** The person handling the case in MedControl PRO. */
  public record Handler(String hsaId, String name) {}

  /** The receiving unit's answer. */
  public record Answer(String investigation, String causes, String measures, Instant answeredAt) {}

  public MedControlCase {
    comments = List.copyOf(comments);
    json = json.deepCopy();
  }

  /** The risk's consequence level 0..4, or null when the case carries no risk. */
  public Integer consequence() {
    return level("consequence");
  }

  /** The risk's probability level 1..4, or null when the case carries no risk. */
  public Integer probability() {
    return level("probability");
  }

  private Integer level(String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asInt();
  }

  /** A copy of the case as the API renders it. */
  @Override
  public ObjectNode json() {
    return json.deepCopy();
  }

  static MedControlCase of(ObjectNode json, boolean createdRemotely, List<String> comments) {
    JsonNode handler = json.path("handler");
    JsonNode answer = json.path("answer");
    return new MedControlCase(
        json.get("id").asText(),
        json.get("version").asLong(),
        json.get("status").asText(),
        text(json, "sourceReference"),
        text(json, "caseNumber"),
        text(json, "reportingUnitHsaId"),
        text(json, "receivingUnitHsaId"),
        text(json, "category"),
        handler.isObject() ? new Handler(text(handler, "hsaId"), text(handler, "name")) : null,
        answer.isObject()
            ? new Answer(
                text(answer, "investigation"),
                text(answer, "causes"),
                text(answer, "measures"),
                instant(answer, "answeredAt"))
            : null,
        instant(json, "closedAt"),
        instant(json, "createdAt"),
        instant(json, "modifiedAt"),
        createdRemotely,
        comments,
        json);
  }

  @Override
  public String toString() {
    return "MedControlCase[id=%s, version=%d, status=%s, sourceReference=%s, receivingUnit=%s, modifiedAt=%s]"
        .formatted(id, version, status, sourceReference, receivingUnitHsaId, modifiedAt);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : Instant.parse(value);
  }
}
