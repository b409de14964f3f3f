package se.samla.deviation.core.deviation.domain;

import static se.samla.deviation.core.deviation.domain.DeviationStatus.ANSWERED;
import static se.samla.deviation.core.deviation.domain.DeviationStatus.ASSIGNED;
import static se.samla.deviation.core.deviation.domain.DeviationStatus.CLOSED;
import static se.samla.deviation.core.deviation.domain.DeviationStatus.INFORMATION_REQUESTED;
import static se.samla.deviation.core.deviation.domain.DeviationStatus.RETURNED;
import static se.samla.deviation.core.deviation.domain.DeviationStatus.SUBMITTED;
import static se.samla.deviation.core.deviation.domain.DeviationStatus.WITHDRAWN;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.patient.domain.ProtectedPatient;

/**
 * The deviation aggregate: a deviation in collaboration and its workflow. Every transition of the
 * diagram in docs/architecture.md#workflow is a method here that checks the current status, changes
 * the state, appends a timeline event and records a {@link DeviationChanged} for publication. Who
 * may call which method is decided by {@link DeviationPermissions} in the application service.
 */
@Entity
@Table(name = "deviation")
public class Deviation {

  /** How the timeline and the API name a risk that nobody has estimated or assessed. */
  public static final String NOT_ASSESSED = "NOT_ASSESSED";

  @Id private UUID id;

  @Column(name = "case_number")
  private String caseNumber;

  /** Null until first stored; store a new deviation with {@code persist}, see NewAggregates. */
  @Version private Long version;

  @Enumerated(EnumType.STRING)
  private DeviationStatus status;

  private Instant occurredAt;
  private Instant discoveredAt;
  private Instant submittedAt;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "hsaId", column = @Column(name = "reporter_hsa_id")),
    @AttributeOverride(name = "name", column = @Column(name = "reporter_name"))
  })
  private PersonRef reporter;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "hsaId", column = @Column(name = "reporting_unit_hsa_id")),
    @AttributeOverride(
        name = "organisationHsaId",
        column = @Column(name = "reporting_organisation_hsa_id"))
  })
  private UnitRef reportingUnit;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "hsaId", column = @Column(name = "receiving_unit_hsa_id")),
    @AttributeOverride(
        name = "organisationHsaId",
        column = @Column(name = "receiving_organisation_hsa_id"))
  })
  private UnitRef receivingUnit;

  private String categoryCode;
  private String description;
  private String immediateActions;

  /** The reporter's estimate; null only for a case imported from MedControl PRO without one. */
  @Enumerated(EnumType.STRING)
  private Consequence consequence;

  @Enumerated(EnumType.STRING)
  private Probability probability;

  /** The receiving side's assessment, beside the reporter's estimate; null until assessed. */
  @Enumerated(EnumType.STRING)
  @Column(name = "assessed_consequence")
  private Consequence assessedConsequence;

  @Enumerated(EnumType.STRING)
  @Column(name = "assessed_probability")
  private Probability assessedProbability;

  @Column(name = "risk_assessed_at")
  private Instant riskAssessedAt;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "hsaId", column = @Column(name = "risk_assessed_by_hsa_id")),
    @AttributeOverride(name = "name", column = @Column(name = "risk_assessed_by_name"))
  })
  private PersonRef riskAssessedBy;

  private String agreementReference;
  private boolean possibleLexMaria;
  private boolean possibleLexSarah;

  @Column(name = "patient_ciphertext")
  private byte[] patientCiphertext;

  @Column(name = "patient_pseudonym")
  private String patientPseudonym;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "hsaId", column = @Column(name = "handler_hsa_id")),
    @AttributeOverride(name = "name", column = @Column(name = "handler_name"))
  })
  private PersonRef handler;

  @Embedded private Answer answer;

  private Instant acknowledgementDueAt;
  private Instant answerDueAt;
  private Instant pausedAt;
  private Instant closedAt;

  /**
   * Written when the aggregate is created (an import) and afterwards only by a bulk update that
   * leaves the version alone, so an ordinary update of a deviation loaded before the link must
   * never write it back as null.
   */
  @Column(name = "medcontrol_case_id", updatable = false)
  private String medControlCaseId;

  @Enumerated(EnumType.STRING)
  @Column(name = "origin", updatable = false)
  private DeviationOrigin origin;

  private Instant lastChangedAt;

  @Column(name = "event_count")
  private int eventCount;

  @OneToMany(mappedBy = "deviation", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  @OrderBy("sequenceNo")
  private List<DeviationEvent> events = new ArrayList<>();

  @Transient private List<DeviationChanged> domainEvents = new ArrayList<>();

  protected Deviation() {}

  /**
   * Registers a new deviation: it starts SUBMITTED with its deadlines running. The reporter's risk
   * estimate is required here.
   */
  public static Deviation submit(
      UUID id,
      String caseNumber,
      NewDeviation data,
      PersonRef reporter,
      Instant now,
      DeadlinePolicy deadlines) {
    Objects.requireNonNull(data.consequence(), "consequence");
    Objects.requireNonNull(data.probability(), "probability");
    Deviation d = create(id, caseNumber, data, reporter, DeviationOrigin.SAMVERKAN);
    d.submittedAt = now;
    d.startDeadlines(now, deadlines);
    d.record(
        DeviationEventType.SUBMITTED,
        now,
        reporter,
        Visibility.SHARED,
        details("receivingUnit", d.receivingUnit.hsaId()));
    return d;
  }

  /**
   * A deviation for a case registered in MedControl PRO: SUBMITTED, linked to that case, with its
   * deadlines running from when it was reported there. A case registered there without a risk
   * (consequence and probability both null) arrives with the risk not assessed, for the receiving
   * handlers to assess.
   *
   * @param reporter the remote reporter, or null when the case names none (then MedControl PRO)
   * @param reportedAt when it was reported in MedControl PRO, or null for {@code now}
   */
  public static Deviation importFromMedControl(
      UUID id,
      String caseNumber,
      String medControlCaseId,
      NewDeviation data,
      PersonRef reporter,
      Instant reportedAt,
      Instant now,
      DeadlinePolicy deadlines) {
    if (medControlCaseId == null || medControlCaseId.isBlank()) {
      throw new IllegalArgumentException("medControlCaseId is required");
    }
    PersonRef by = reporter == null ? PersonRef.MEDCONTROL : reporter;
    Deviation d = create(id, caseNumber, data, by, DeviationOrigin.MEDCONTROL);
    d.medControlCaseId = medControlCaseId;
    d.submittedAt = reportedAt == null ? now : reportedAt;
    d.startDeadlines(d.submittedAt, deadlines);
    d.record(
        DeviationEventType.IMPORTED_FROM_MEDCONTROL,
        now,
        by,
        Visibility.SHARED,
        details("medControlCaseId", medControlCaseId, "receivingUnit", d.receivingUnit.hsaId()));
    return d;
  }

  private static Deviation create(
      UUID id, String caseNumber, NewDeviation data, PersonRef reporter, DeviationOrigin origin) {
    Deviation d = new Deviation();
    d.origin = origin;
    d.id = Objects.requireNonNull(id, "id");
    d.caseNumber = Objects.requireNonNull(caseNumber, "caseNumber");
    d.reporter = Objects.requireNonNull(reporter, "reporter");
    d.occurredAt = Objects.requireNonNull(data.occurredAt(), "occurredAt");
    d.discoveredAt = data.discoveredAt();
    d.reportingUnit = Objects.requireNonNull(data.reportingUnit(), "reportingUnit");
    d.receivingUnit = Objects.requireNonNull(data.receivingUnit(), "receivingUnit");
    d.categoryCode = Objects.requireNonNull(data.categoryCode(), "categoryCode");
    d.description = Objects.requireNonNull(data.description(), "description");
    d.immediateActions = data.immediateActions();
    if ((data.consequence() == null) != (data.probability() == null)) {
      throw new IllegalArgumentException("consequence and probability go together");
    }
    d.consequence = data.consequence();
    d.probability = data.probability();
    d.agreementReference = data.agreementReference();
    d.possibleLexMaria = data.possibleLexMaria();
    d.possibleLexSarah = data.possibleLexSarah();
    if (data.patient() != null) {
      d.patientCiphertext = data.patient().ciphertext();
      d.patientPseudonym = data.patient().pseudonym();
    }
    d.status = SUBMITTED;
    return d;
  }

  // ---- transitions -------------------------------------------------------------------------

  /** SUBMITTED → ASSIGNED, or a new handler while ASSIGNED. */
  public void assign(PersonRef newHandler, PersonRef by, Instant now) {
    require(DeviationAction.ASSIGN);
    Objects.requireNonNull(newHandler, "handler");
    DeviationEventType type =
        status == SUBMITTED ? DeviationEventType.ASSIGNED : DeviationEventType.REASSIGNED;
    handler = newHandler;
    status = ASSIGNED;
    record(
        type,
        now,
        by,
        Visibility.SHARED,
        details("handlerHsaId", newHandler.hsaId(), "handlerName", newHandler.name()));
  }

  /** SUBMITTED/ASSIGNED → SUBMITTED at another unit, with fresh deadlines for that unit. */
  public void forward(
      UnitRef newReceivingUnit, String reason, PersonRef by, Instant now, DeadlinePolicy policy) {
    require(DeviationAction.FORWARD);
    Objects.requireNonNull(newReceivingUnit, "receivingUnit");
    if (newReceivingUnit.hsaId().equals(receivingUnit.hsaId())) {
      throw new IllegalArgumentException("the deviation is already addressed to that unit");
    }
    String from = receivingUnit.hsaId();
    receivingUnit = newReceivingUnit;
    handler = null;
    status = SUBMITTED;
    startDeadlines(now, policy);
    record(
        DeviationEventType.FORWARDED,
        now,
        by,
        Visibility.SHARED,
        details("fromUnit", from, "toUnit", newReceivingUnit.hsaId(), "reason", reason));
  }

  /** SUBMITTED/ASSIGNED → RETURNED to the reporter (not ours, or not a deviation). */
  public void returnToReporter(String reason, PersonRef by, Instant now) {
    require(DeviationAction.RETURN);
    handler = null;
    status = RETURNED;
    record(DeviationEventType.RETURNED, now, by, Visibility.SHARED, details("reason", reason));
  }

  /** ASSIGNED → INFORMATION_REQUESTED; the answer clock stops. */
  public void requestInformation(String question, PersonRef by, Instant now) {
    require(DeviationAction.REQUEST_INFORMATION);
    status = INFORMATION_REQUESTED;
    pausedAt = now;
    record(
        DeviationEventType.INFORMATION_REQUESTED,
        now,
        by,
        Visibility.SHARED,
        details("question", question));
  }

  /** INFORMATION_REQUESTED → ASSIGNED; the answer deadline moves by the time spent waiting. */
  public void supplyInformation(String information, PersonRef by, Instant now, DeadlinePolicy p) {
    require(DeviationAction.SUPPLY_INFORMATION);
    answerDueAt = p.extendForPause(answerDueAt, pausedAt, now);
    pausedAt = null;
    status = ASSIGNED;
    record(
        DeviationEventType.INFORMATION_SUPPLIED,
        now,
        by,
        Visibility.SHARED,
        details("answer", information));
  }

  /** ASSIGNED → ANSWERED. */
  public void answer(
      String investigation, String causes, String measures, PersonRef by, Instant now) {
    require(DeviationAction.ANSWER);
    answer = new Answer(investigation, causes, measures, now, by.hsaId(), by.name());
    status = ANSWERED;
    record(DeviationEventType.ANSWERED, now, by, Visibility.SHARED, Map.of());
  }

  /** ANSWERED → CLOSED by the reporting side. */
  public void accept(PersonRef by, Instant now) {
    require(DeviationAction.ACCEPT);
    close(DeviationEventType.ACCEPTED, by, now);
  }

  /** ANSWERED → CLOSED when nobody reacted within the configured number of days. */
  public void autoClose(Instant now, int afterDays) {
    require(DeviationAction.ACCEPT);
    if (answer.answeredAt().plus(java.time.Duration.ofDays(afterDays)).isAfter(now)) {
      throw new IllegalStateException("the answer is not yet %d days old".formatted(afterDays));
    }
    close(DeviationEventType.AUTO_CLOSED, PersonRef.SYSTEM, now);
  }

  /** ANSWERED → ASSIGNED: the reporting side does not accept the answer. */
  public void dispute(String reason, PersonRef by, Instant now) {
    require(DeviationAction.DISPUTE);
    status = ASSIGNED;
    record(DeviationEventType.DISPUTED, now, by, Visibility.SHARED, details("reason", reason));
  }

  /** SUBMITTED/RETURNED → WITHDRAWN by the reporter. */
  public void withdraw(String reason, PersonRef by, Instant now) {
    require(DeviationAction.WITHDRAW);
    status = WITHDRAWN;
    closedAt = now;
    record(DeviationEventType.WITHDRAWN, now, by, Visibility.SHARED, details("reason", reason));
  }

  /** RETURNED → SUBMITTED, possibly to another unit, with fresh deadlines. */
  public void resubmit(
      UnitRef newReceivingUnit, String comment, PersonRef by, Instant now, DeadlinePolicy policy) {
    require(DeviationAction.RESUBMIT);
    if (newReceivingUnit != null) {
      receivingUnit = newReceivingUnit;
    }
    status = SUBMITTED;
    startDeadlines(now, policy);
    record(
        DeviationEventType.RESUBMITTED,
        now,
        by,
        Visibility.SHARED,
        details("receivingUnit", receivingUnit.hsaId(), "comment", comment));
  }

  /** A comment on the timeline; no status change. Closed and withdrawn cases take no comments. */
  public void comment(String text, Visibility visibility, PersonRef by, Instant now) {
    DeviationAction action =
        visibility == Visibility.INTERNAL
            ? DeviationAction.COMMENT_INTERNAL
            : DeviationAction.COMMENT;
    require(action);
    record(DeviationEventType.COMMENTED, now, by, visibility, details("text", text));
  }

  /**
   * The receiving side assesses (or re-assesses) the risk: a cell of the matrix with a reason. The
   * reporter's estimate stays as it was; the assessment becomes the current risk. Appends a {@code
   * RISK_ASSESSED} event with the current cell before and after and the reason.
   */
  public void assessRisk(RiskAssessment assessment, String reason, PersonRef by, Instant now) {
    require(DeviationAction.ASSESS_RISK);
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(by, "by");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a risk assessment needs a reason");
    }
    Map<String, String> details = riskDetails(assessment);
    setAssessment(assessment, by, now);
    details.put("reason", reason);
    record(DeviationEventType.RISK_ASSESSED, now, by, Visibility.SHARED, details);
  }

  /**
   * Applies changes made in MedControl PRO, which is not bound by our diagram: any status may be
   * set, except that a CLOSED or WITHDRAWN deviation takes no more changes. The deadlines follow as
   * if the matching command had been given here: a new receiving unit restarts them (and, like
   * forwarding, drops the handler unless the change names one), entering INFORMATION_REQUESTED
   * stops the answer clock and leaving it moves the answer deadline by the time spent waiting. A
   * risk set there becomes the receiving side's assessment here (the reporter's estimate stays).
   * Appends one {@code UPDATED_IN_MEDCONTROL} event naming the changed fields.
   *
   * @return whether anything changed; a change that changes nothing appends no event
   */
  public boolean applyMedControlChange(
      MedControlChange change, UnitRef newReceivingUnit, Instant now, DeadlinePolicy policy) {
    Objects.requireNonNull(change, "change");
    if ((newReceivingUnit == null) != (change.receivingUnitHsaId() == null)
        || (newReceivingUnit != null
            && !newReceivingUnit.hsaId().equals(change.receivingUnitHsaId()))) {
      throw new IllegalArgumentException("the resolved unit must be the one the change names");
    }
    if (change.isEmpty()) {
      return false;
    }
    if (status == CLOSED || status == WITHDRAWN) {
      throw new IllegalTransitionException(status, "a change from MedControl PRO");
    }
    DeviationStatus newStatus =
        change.status() != null ? change.status() : change.closedAt() != null ? CLOSED : null;
    if (change.closedAt() != null && newStatus != CLOSED) {
      throw new IllegalArgumentException("closedAt goes only with status CLOSED");
    }
    List<String> changed = new ArrayList<>();
    Map<String, String> details = new LinkedHashMap<>();

    boolean unitChanged =
        newReceivingUnit != null && !newReceivingUnit.hsaId().equals(receivingUnit.hsaId());
    if (unitChanged) {
      details.put("fromUnit", receivingUnit.hsaId());
      details.put("receivingUnit", newReceivingUnit.hsaId());
      changed.add("receivingUnit");
      receivingUnit = newReceivingUnit;
      startDeadlines(now, policy);
    }

    PersonRef newHandler =
        change.handler() != null
            ? change.handler()
            : change.clearHandler() || unitChanged ? null : handler;
    if (!Objects.equals(newHandler, handler)) {
      changed.add("handler");
      if (newHandler == null) {
        details.put("handlerCleared", "true");
      } else {
        details.put("handlerHsaId", newHandler.hsaId());
        details.put("handlerName", newHandler.name());
      }
      handler = newHandler;
    }

    if (newStatus != null && newStatus != status) {
      if (status == INFORMATION_REQUESTED && pausedAt != null) {
        answerDueAt = policy.extendForPause(answerDueAt, pausedAt, now);
        pausedAt = null;
      }
      if (newStatus == INFORMATION_REQUESTED) {
        pausedAt = now;
      }
      if (newStatus == CLOSED || newStatus == WITHDRAWN) {
        closedAt = change.closedAt() != null ? change.closedAt() : now;
        changed.add("closedAt");
      }
      details.put("fromStatus", status.name());
      details.put("status", newStatus.name());
      changed.add(0, "status");
      status = newStatus;
    }

    if (change.answer() != null) {
      MedControlAnswer a = change.answer();
      PersonRef by = handler != null ? handler : PersonRef.MEDCONTROL;
      Answer given =
          new Answer(
              a.investigation(),
              a.causes(),
              a.measures(),
              a.answeredAt() != null ? a.answeredAt() : now,
              by.hsaId(),
              by.name());
      if (answer == null || !sameText(answer, given)) {
        answer = given;
        changed.add("answer");
      }
    }

    if (change.risk() != null && !risk().filter(change.risk()::equals).isPresent()) {
      details.putAll(riskDetails(change.risk()));
      setAssessment(change.risk(), PersonRef.MEDCONTROL, now);
      changed.add("risk");
    }

    if (changed.isEmpty()) {
      return false;
    }
    if (status == INFORMATION_REQUESTED && pausedAt == null) {
      pausedAt = now; // restarted deadlines while waiting for information: the clock stays stopped
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("fields", String.join(",", changed));
    all.putAll(details);
    record(
        DeviationEventType.UPDATED_IN_MEDCONTROL,
        now,
        PersonRef.MEDCONTROL,
        Visibility.SHARED,
        all);
    return true;
  }

  // ---- queries ------------------------------------------------------------------------------

  /** The statuses from which an action is allowed: the workflow diagram as data. */
  public static Set<DeviationStatus> allowedFrom(DeviationAction action) {
    return switch (action) {
      case ASSIGN, FORWARD, RETURN -> EnumSet.of(SUBMITTED, ASSIGNED);
      case REQUEST_INFORMATION, ANSWER -> EnumSet.of(ASSIGNED);
      case SUPPLY_INFORMATION -> EnumSet.of(INFORMATION_REQUESTED);
      case ACCEPT, DISPUTE -> EnumSet.of(ANSWERED);
      case WITHDRAW -> EnumSet.of(SUBMITTED, RETURNED);
      case RESUBMIT -> EnumSet.of(RETURNED);
      case COMMENT, COMMENT_INTERNAL, ASSESS_RISK ->
          EnumSet.of(SUBMITTED, ASSIGNED, INFORMATION_REQUESTED, ANSWERED, RETURNED);
    };
  }

  /**
   * Whether a deadline has passed: acknowledgement while nobody has taken the case, the answer
   * while it is being handled. The answer clock stands still while information is requested, so a
   * paused case is overdue only if it already was when the clock stopped.
   */
  public boolean isOverdue(Instant now) {
    return switch (status) {
      case SUBMITTED -> now.isAfter(acknowledgementDueAt) || now.isAfter(answerDueAt);
      case ASSIGNED -> now.isAfter(answerDueAt);
      case INFORMATION_REQUESTED -> pausedAt.isAfter(answerDueAt);
      default -> false;
    };
  }

  /**
   * The current risk: the receiving side's assessment when there is one, else the reporter's
   * estimate; empty when neither exists (a case from MedControl PRO not yet assessed).
   */
  public Optional<RiskAssessment> risk() {
    return handlerAssessment().or(this::reporterEstimate);
  }

  /** Whether there is any risk estimate or assessment at all. */
  public boolean riskAssessed() {
    return risk().isPresent();
  }

  /** The reporter's estimate at registration; empty for a case imported without a risk. */
  public Optional<RiskAssessment> reporterEstimate() {
    return consequence == null
        ? Optional.empty()
        : Optional.of(new RiskAssessment(consequence, probability));
  }

  /** The receiving side's assessment; empty until someone assessed the risk. */
  public Optional<RiskAssessment> handlerAssessment() {
    return assessedConsequence == null
        ? Optional.empty()
        : Optional.of(new RiskAssessment(assessedConsequence, assessedProbability));
  }

  /** When the receiving side's assessment was made. */
  public Optional<Instant> riskAssessedAt() {
    return Optional.ofNullable(riskAssessedAt);
  }

  /** Who made the receiving side's assessment ({@link PersonRef#MEDCONTROL} when made there). */
  public Optional<PersonRef> riskAssessedBy() {
    return Optional.ofNullable(riskAssessedBy);
  }

  public UUID id() {
    return id;
  }

  public String caseNumber() {
    return caseNumber;
  }

  public long version() {
    return version == null ? 0 : version;
  }

  public DeviationStatus status() {
    return status;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Instant discoveredAt() {
    return discoveredAt;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public PersonRef reporter() {
    return reporter;
  }

  public UnitRef reportingUnit() {
    return reportingUnit;
  }

  public UnitRef receivingUnit() {
    return receivingUnit;
  }

  public String categoryCode() {
    return categoryCode;
  }

  public String description() {
    return description;
  }

  public String immediateActions() {
    return immediateActions;
  }

  public String agreementReference() {
    return agreementReference;
  }

  public boolean possibleLexMaria() {
    return possibleLexMaria;
  }

  public boolean possibleLexSarah() {
    return possibleLexSarah;
  }

  public Optional<ProtectedPatient> patient() {
    return patientCiphertext == null
        ? Optional.empty()
        : Optional.of(new ProtectedPatient(patientCiphertext, patientPseudonym));
  }

  public Optional<PersonRef> handler() {
    return Optional.ofNullable(handler);
  }

  public Optional<Answer> answer() {
    return Optional.ofNullable(answer);
  }

  public Instant acknowledgementDueAt() {
    return acknowledgementDueAt;
  }

  public Instant answerDueAt() {
    return answerDueAt;
  }

  public Optional<Instant> pausedAt() {
    return Optional.ofNullable(pausedAt);
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  public Optional<String> medControlCaseId() {
    return Optional.ofNullable(medControlCaseId);
  }

  /** Where the deviation was first registered; rows stored before origins existed are ours. */
  public DeviationOrigin origin() {
    return origin == null ? DeviationOrigin.SAMVERKAN : origin;
  }

  public Instant lastChangedAt() {
    return lastChangedAt;
  }

  /** The timeline in order. Loads it from the database when the aggregate was loaded. */
  public List<DeviationEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** Hands the changes recorded since the last call to the caller, for publication. */
  public List<DeviationChanged> pullDomainEvents() {
    List<DeviationChanged> pulled = List.copyOf(domainEvents);
    domainEvents.clear();
    return pulled;
  }

  // ---- internals ----------------------------------------------------------------------------

  private void require(DeviationAction action) {
    if (!allowedFrom(action).contains(status)) {
      throw new IllegalTransitionException(status, action);
    }
  }

  private void startDeadlines(Instant from, DeadlinePolicy policy) {
    acknowledgementDueAt = policy.acknowledgementDue(from);
    answerDueAt = policy.answerDue(from);
    pausedAt = null;
  }

  private void close(DeviationEventType type, PersonRef by, Instant now) {
    status = CLOSED;
    closedAt = now;
    record(type, now, by, Visibility.SHARED, Map.of());
  }

  private void record(
      DeviationEventType type,
      Instant at,
      PersonRef by,
      Visibility visibility,
      Map<String, String> details) {
    eventCount++;
    lastChangedAt = at;
    events.add(new DeviationEvent(this, eventCount, type, at, by, visibility, details));
    domainEvents.add(new DeviationChanged(id, caseNumber, type, status, at));
  }

  private void setAssessment(RiskAssessment assessment, PersonRef by, Instant now) {
    assessedConsequence = assessment.consequence();
    assessedProbability = assessment.probability();
    riskAssessedAt = now;
    riskAssessedBy = by;
  }

  /** The current cell before ({@code NOT_ASSESSED} when none) and the new one, for the timeline. */
  private Map<String, String> riskDetails(RiskAssessment next) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("fromCell", risk().map(RiskAssessment::cell).orElse(NOT_ASSESSED));
    map.put("cell", next.cell());
    map.put("consequence", next.consequence().name());
    map.put("probability", next.probability().name());
    map.put("riskLevel", next.level().name());
    return map;
  }

  private static boolean sameText(Answer a, Answer b) {
    return Objects.equals(a.investigation(), b.investigation())
        && Objects.equals(a.causes(), b.causes())
        && Objects.equals(a.measures(), b.measures());
  }

  /** Details without null values, in the given order. */
  private static Map<String, String> details(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }
}
