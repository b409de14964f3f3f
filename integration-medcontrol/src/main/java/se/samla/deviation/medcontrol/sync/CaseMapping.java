package se.samla.deviation.medcontrol.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.MedControlAnswer;
import se.samla.deviation.core.deviation.domain.MedControlChange;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.RiskAssessment;
import se.samla.deviation.core.medcontrol.application.MedControlRegistration;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.medcontrol.client.CaseCreate;
import se.samla.deviation.medcontrol.client.CaseUpdate;
import se.samla.deviation.medcontrol.client.RemoteCase;

/**
 * The one place where our model meets the MedControl PRO contract: statuses, fields, and the
 * canonical values of the shared fields that the three-way merge compares. Category codes are
 * mapped by core (each category carries its MedControl code).
 */
final class CaseMapping {

  static final String SOURCE_SYSTEM = "samverkan-avvikelser";

  private CaseMapping() {}

  // ---- statuses ---------------------------------------------------------------------------

  static String remoteStatus(DeviationStatus status) {
    return switch (status) {
      case SUBMITTED -> "NEW";
      case ASSIGNED -> "IN_PROGRESS";
      case INFORMATION_REQUESTED -> "WAITING_FOR_INFORMATION";
      case ANSWERED -> "ANSWERED";
      case CLOSED -> "CLOSED";
      case RETURNED -> "RETURNED";
      case WITHDRAWN -> "WITHDRAWN";
    };
  }

  static DeviationStatus localStatus(String remote) {
    if (remote == null) {
      throw new UnmappableCaseException("status is missing");
    }
    return switch (remote) {
      case "NEW" -> DeviationStatus.SUBMITTED;
      case "IN_PROGRESS" -> DeviationStatus.ASSIGNED;
      case "WAITING_FOR_INFORMATION" -> DeviationStatus.INFORMATION_REQUESTED;
      case "ANSWERED" -> DeviationStatus.ANSWERED;
      case "CLOSED" -> DeviationStatus.CLOSED;
      case "RETURNED" -> DeviationStatus.RETURNED;
      case "WITHDRAWN" -> DeviationStatus.WITHDRAWN;
      default -> throw new UnmappableCaseException("status has an unknown value");
    };
  }

  // ---- outbound -----------------------------------------------------------------------------

  /** A create carries the registration, so the reporter's estimate as the case's risk. */
  static CaseCreate toCreate(MedControlSnapshot d) {
    return new CaseCreate(
        SOURCE_SYSTEM,
        d.deviationId().toString(),
        d.caseNumber(),
        d.occurredAt(),
        d.submittedAt(),
        d.reportingUnitHsaId(),
        d.receivingUnitHsaId(),
        d.medControlCategory(),
        d.description(),
        d.immediateActions(),
        d.consequence(),
        d.probability(),
        d.patientIdentityNumber(),
        new RemoteCase.Person(d.reporter().hsaId(), d.reporter().name()));
  }

  /** The update that carries the given fields' local values. */
  static CaseUpdate toUpdate(Set<SharedField> fields, MedControlSnapshot d) {
    String status = fields.contains(SharedField.STATUS) ? remoteStatus(d.status()) : null;
    String unit = fields.contains(SharedField.RECEIVING_UNIT) ? d.receivingUnitHsaId() : null;
    RemoteCase.Person handler =
        fields.contains(SharedField.HANDLER)
            ? (d.handler() == null
                ? new RemoteCase.Person(null, null)
                : new RemoteCase.Person(d.handler().hsaId(), d.handler().name()))
            : null;
    RemoteCase.Answer answer =
        fields.contains(SharedField.ANSWER) && d.answer() != null
            ? new RemoteCase.Answer(
                d.answer().investigation(),
                d.answer().causes(),
                d.answer().measures(),
                d.answer().answeredAt())
            : null;
    Instant closedAt = fields.contains(SharedField.CLOSED_AT) ? d.closedAt() : null;
    boolean risk = fields.contains(SharedField.RISK) && d.currentConsequence() != null;
    return new CaseUpdate(
        status,
        unit,
        handler,
        answer,
        closedAt,
        null,
        risk ? d.currentConsequence() : null,
        risk ? d.currentProbability() : null);
  }

  // ---- inbound ------------------------------------------------------------------------------

  static MedControlRegistration toRegistration(RemoteCase c) {
    PersonRef reporter =
        c.reporter() != null && notBlank(c.reporter().hsaId()) && notBlank(c.reporter().name())
            ? new PersonRef(c.reporter().hsaId(), c.reporter().name())
            : null;
    if (c.occurredAt() == null) {
      throw new UnmappableCaseException("occurredAt is missing");
    }
    if (!notBlank(c.description())) {
      throw new UnmappableCaseException("description is missing");
    }
    return new MedControlRegistration(
        c.id(),
        c.occurredAt(),
        c.reportedAt() != null ? c.reportedAt() : c.createdAt(),
        c.reportingUnitHsaId(),
        c.receivingUnitHsaId(),
        c.category(),
        c.description(),
        c.immediateActions(),
        c.consequence(),
        c.probability(),
        reporter,
        c.patientIdentityNumber());
  }

  /** The local change that takes over the given fields' remote values. */
  static MedControlChange toChange(Set<SharedField> fields, RemoteCase c) {
    DeviationStatus status = fields.contains(SharedField.STATUS) ? localStatus(c.status()) : null;
    boolean hasHandler = c.handler() != null && notBlank(c.handler().hsaId());
    PersonRef handler =
        fields.contains(SharedField.HANDLER) && hasHandler
            ? new PersonRef(
                c.handler().hsaId(),
                notBlank(c.handler().name()) ? c.handler().name() : c.handler().hsaId())
            : null;
    boolean clearHandler = fields.contains(SharedField.HANDLER) && !hasHandler;
    MedControlAnswer answer =
        fields.contains(SharedField.ANSWER) && c.answer() != null
            ? new MedControlAnswer(
                c.answer().investigation(),
                c.answer().causes(),
                c.answer().measures(),
                c.answer().answeredAt())
            : null;
    Instant closedAt = fields.contains(SharedField.CLOSED_AT) ? c.closedAt() : null;
    String unit = fields.contains(SharedField.RECEIVING_UNIT) ? c.receivingUnitHsaId() : null;
    RiskAssessment risk =
        fields.contains(SharedField.RISK) ? risk(c.consequence(), c.probability()) : null;
    return new MedControlChange(status, handler, clearHandler, answer, closedAt, unit, risk);
  }

  // ---- the values the merge compares --------------------------------------------------------

  static Map<SharedField, String> shared(MedControlSnapshot d) {
    Map<SharedField, String> values = new EnumMap<>(SharedField.class);
    values.put(SharedField.STATUS, remoteStatus(d.status()));
    values.put(SharedField.HANDLER, d.handler() == null ? null : d.handler().hsaId());
    values.put(
        SharedField.ANSWER,
        d.answer() == null
            ? null
            : answerDigest(d.answer().investigation(), d.answer().causes(), d.answer().measures()));
    values.put(SharedField.CLOSED_AT, instant(d.closedAt()));
    values.put(SharedField.RECEIVING_UNIT, d.receivingUnitHsaId());
    values.put(SharedField.RISK, cell(d.currentConsequence(), d.currentProbability()));
    return values;
  }

  static Map<SharedField, String> shared(RemoteCase c) {
    localStatus(c.status()); // refuses an unknown status before anything is compared
    Map<SharedField, String> values = new EnumMap<>(SharedField.class);
    values.put(SharedField.STATUS, c.status());
    values.put(
        SharedField.HANDLER,
        c.handler() == null || !notBlank(c.handler().hsaId()) ? null : c.handler().hsaId());
    values.put(
        SharedField.ANSWER,
        c.answer() == null
            ? null
            : answerDigest(c.answer().investigation(), c.answer().causes(), c.answer().measures()));
    values.put(SharedField.CLOSED_AT, instant(c.closedAt()));
    values.put(SharedField.RECEIVING_UNIT, c.receivingUnitHsaId());
    values.put(SharedField.RISK, cell(c.consequence(), c.probability()));
    return values;
  }

  /**
   * What a freshly created remote case holds of the shared fields, before anyone touched it: the
   * receiving unit and the risk that the create carried.
   */
  static Map<SharedField, String> createdBase(
      String receivingUnitHsaId, Integer consequence, Integer probability) {
    Map<SharedField, String> values = new EnumMap<>(SharedField.class);
    values.put(SharedField.STATUS, "NEW");
    values.put(SharedField.HANDLER, null);
    values.put(SharedField.ANSWER, null);
    values.put(SharedField.CLOSED_AT, null);
    values.put(SharedField.RECEIVING_UNIT, receivingUnitHsaId);
    values.put(SharedField.RISK, cell(consequence, probability));
    return values;
  }

  /** Idempotency keys derived from what is sent, so a resend of the same change reuses its key. */
  static UUID key(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Answers are compared by digest so the ledger's base holds no free text; the texts themselves
   * stay in the deviation.
   */
  private static String answerDigest(String investigation, String causes, String measures) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {investigation, causes, measures}) {
        sha.update((part == null ? "" : part.strip()).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x1f);
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The risk as the merge compares it, the matrix cell (e.g. {@code K3×S2}); null without a risk or
   * with half a cell, which is no assessment.
   */
  static String cell(Integer consequence, Integer probability) {
    RiskAssessment risk = risk(consequence, probability);
    return risk == null ? null : risk.cell();
  }

  private static RiskAssessment risk(Integer consequence, Integer probability) {
    if (consequence == null || probability == null) {
      return null;
    }
    try {
      return new RiskAssessment(Consequence.ofLevel(consequence), Probability.ofLevel(probability));
    } catch (IllegalArgumentException e) {
      throw new UnmappableCaseException("consequence or probability is out of range");
    }
  }

  private static String instant(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
