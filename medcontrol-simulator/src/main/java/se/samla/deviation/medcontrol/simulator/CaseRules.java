package se.samla.deviation.medcontrol.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The contract's schemas as validation: {@code CaseCreate} and {@code CaseUpdate}. Unknown fields
 * are rejected, so that an adapter that sends something the contract does not name fails here and
 * not in production. Errors name fields only, never values.
 */
final class CaseRules {

  static final Set<String> STATUSES =
      Set.of(
          "NEW",
          "IN_PROGRESS",
          "WAITING_FOR_INFORMATION",
          "ANSWERED",
          "CLOSED",
          "RETURNED",
          "WITHDRAWN");

  private static final Set<String> CREATE_FIELDS =
      Set.of(
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
          "reporter");
  private static final Set<String> UPDATE_FIELDS =
      Set.of(
          "status",
          "receivingUnitHsaId",
          "handler",
          "answer",
          "closedAt",
          "comment",
          "consequence",
          "probability");
  private static final Set<String> PERSON_FIELDS = Set.of("hsaId", "name");
  private static final Set<String> ANSWER_FIELDS =
      Set.of("investigation", "causes", "measures", "answeredAt");
  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

  private CaseRules() {}

  /** Validates a {@code CaseCreate}; returns the broken rules (empty when valid). */
  static List<String> validateCreate(ObjectNode body, Set<String> categories) {
    List<String> errors = new ArrayList<>();
    unknownFields(body, CREATE_FIELDS, "", errors);
    for (String field :
        List.of(
            "sourceSystem",
            "caseNumber",
            "reportingUnitHsaId",
            "receivingUnitHsaId",
            "category",
            "description")) {
      requiredText(body, field, errors);
    }
    if (requiredText(body, "sourceReference", errors) && !isUuid(body.get("sourceReference"))) {
      errors.add("sourceReference: must be a UUID");
    }
    for (String field : List.of("occurredAt", "reportedAt")) {
      if (requiredText(body, field, errors) && parseDateTime(body.get(field)) == null) {
        errors.add(field + ": must be a date-time");
      }
    }
    if (isText(body.get("category")) && !categories.contains(body.get("category").asText())) {
      errors.add("category: unknown classification code");
    }
    maxLength(body, "description", 8000, errors);
    optionalText(body, "immediateActions", errors);
    maxLength(body, "immediateActions", 4000, errors);
    range(body, "consequence", 0, 4, errors);
    range(body, "probability", 1, 4, errors);
    if (optionalText(body, "patientIdentityNumber", errors)
        && !TWELVE_DIGITS.matcher(body.get("patientIdentityNumber").asText()).matches()) {
      errors.add("patientIdentityNumber: must be 12 digits");
    }
    JsonNode reporter = body.get("reporter");
    if (reporter == null || !reporter.isObject()) {
      errors.add("reporter: required object");
    } else {
      unknownFields((ObjectNode) reporter, PERSON_FIELDS, "reporter.", errors);
      requiredText((ObjectNode) reporter, "hsaId", errors, "reporter.");
      requiredText((ObjectNode) reporter, "name", errors, "reporter.");
    }
    return errors;
  }

  /** Validates a {@code CaseUpdate}; returns the broken rules (empty when valid). */
  static List<String> validateUpdate(ObjectNode body) {
    List<String> errors = new ArrayList<>();
    unknownFields(body, UPDATE_FIELDS, "", errors);
    if (body.has("status")
        && !(isText(body.get("status")) && STATUSES.contains(body.get("status").asText()))) {
      errors.add("status: must be one of " + STATUSES);
    }
    if (body.has("receivingUnitHsaId") && !nonBlank(body.get("receivingUnitHsaId"))) {
      errors.add("receivingUnitHsaId: must be a non-empty string");
    }
    JsonNode handler = body.get("handler");
    if (handler != null && !handler.isNull()) {
      if (!handler.isObject()) {
        errors.add("handler: must be an object");
      } else {
        unknownFields((ObjectNode) handler, PERSON_FIELDS, "handler.", errors);
        optionalText((ObjectNode) handler, "hsaId", errors, "handler.");
        optionalText((ObjectNode) handler, "name", errors, "handler.");
      }
    }
    JsonNode answer = body.get("answer");
    if (answer != null && !answer.isNull()) {
      if (!answer.isObject()) {
        errors.add("answer: must be an object");
      } else {
        ObjectNode a = (ObjectNode) answer;
        unknownFields(a, ANSWER_FIELDS, "answer.", errors);
        for (String field : List.of("investigation", "causes", "measures")) {
          optionalText(a, field, errors, "answer.");
        }
        if (optionalText(a, "answeredAt", errors, "answer.")
            && parseDateTime(a.get("answeredAt")) == null) {
          errors.add("answer.answeredAt: must be a date-time");
        }
      }
    }
    if (optionalText(body, "closedAt", errors) && parseDateTime(body.get("closedAt")) == null) {
      errors.add("closedAt: must be a date-time");
    }
    optionalText(body, "comment", errors);
    range(body, "consequence", 0, 4, errors);
    range(body, "probability", 1, 4, errors);
    if (body.hasNonNull("consequence") != body.hasNonNull("probability")) {
      errors.add("consequence, probability: a risk assessment sets both");
    }
    return errors;
  }

  /** The date-time as an instant, or null when it is not an RFC 3339 date-time. */
  static Instant parseDateTime(JsonNode node) {
    if (!isText(node)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(node.asText()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Rewrites a valid date-time field to its UTC instant form; nulls stay null. */
  static void normalizeDateTime(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && !value.isNull()) {
      node.put(field, parseDateTime(value).toString());
    } else if (value != null) {
      node.set(field, NullNode.getInstance());
    }
  }

  static boolean isUuid(JsonNode node) {
    if (!isText(node)) {
      return false;
    }
    try {
      return UUID.fromString(node.asText()).toString().equalsIgnoreCase(node.asText());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean isUuid(String value) {
    return value != null && isUuid(Json.MAPPER.getNodeFactory().textNode(value));
  }

  private static void unknownFields(
      ObjectNode node, Set<String> known, String prefix, List<String> errors) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!known.contains(name)) {
        errors.add(prefix + name + ": not in the contract");
      }
    }
  }

  private static boolean requiredText(ObjectNode node, String field, List<String> errors) {
    return requiredText(node, field, errors, "");
  }

  private static boolean requiredText(
      ObjectNode node, String field, List<String> errors, String prefix) {
    if (!nonBlank(node.get(field))) {
      errors.add(prefix + field + ": required, a non-empty string");
      return false;
    }
    return true;
  }

  /** True when the field is present as text; adds an error when it is present but not text. */
  private static boolean optionalText(ObjectNode node, String field, List<String> errors) {
    return optionalText(node, field, errors, "");
  }

  private static boolean optionalText(
      ObjectNode node, String field, List<String> errors, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isTextual()) {
      errors.add(prefix + field + ": must be a string");
      return false;
    }
    return true;
  }

  private static void maxLength(ObjectNode node, String field, int max, List<String> errors) {
    JsonNode value = node.get(field);
    if (isText(value) && value.asText().length() > max) {
      errors.add(field + ": longer than " + max);
    }
  }

  private static void range(ObjectNode node, String field, int min, int max, List<String> errors) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      errors.add(field + ": must be an integer " + min + ".." + max);
    }
  }

  private static boolean isText(JsonNode node) {
    return node != null && node.isTextual();
  }

  private static boolean nonBlank(JsonNode node) {
    return isText(node) && !node.asText().isBlank();
  }
}
