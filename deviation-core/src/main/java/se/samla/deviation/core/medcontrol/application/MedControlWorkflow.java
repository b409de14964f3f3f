package se.samla.deviation.core.medcontrol.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.audit.domain.PatientAccessLogEntry;
import se.samla.deviation.core.audit.infrastructure.PatientAccessLog;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.PlainText;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.application.DeviationCommit;
import se.samla.deviation.core.deviation.application.RegistrationChecks;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.MedControlAnswer;
import se.samla.deviation.core.deviation.domain.MedControlChange;
import se.samla.deviation.core.deviation.domain.NewDeviation;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.UnitRef;
import se.samla.deviation.core.deviation.infrastructure.CaseNumberGenerator;
import se.samla.deviation.core.deviation.infrastructure.Deviations;
import se.samla.deviation.core.organisation.domain.Category;
import se.samla.deviation.core.organisation.infrastructure.Categories;
import se.samla.deviation.core.patient.domain.PatientProtector;
import se.samla.deviation.core.patient.domain.ProtectedPatient;

/**
 * What the MedControl PRO integration may do with deviations, as the system rather than as a
 * person: read a deviation for sending, link it to its remote case, import a case registered in
 * MedControl PRO, and apply changes made there. Each method joins the caller's transaction or opens
 * one. Domain rules stay in the aggregate.
 */
@Service
public class MedControlWorkflow {

  /** The first key of the advisory locks that serialize imports of one remote case ("MC"). */
  private static final int IMPORT_LOCK_SPACE = 0x4D43;

  private static final int DESCRIPTION_MAX = 8000;
  private static final int IMMEDIATE_ACTIONS_MAX = 4000;

  private final Deviations deviations;
  private final DeviationCommit commit;
  private final RegistrationChecks checks;
  private final Categories categories;
  private final CaseNumberGenerator caseNumbers;
  private final PatientProtector patients;
  private final PatientAccessLog accessLog;
  private final DeadlinePolicy deadlines;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  MedControlWorkflow(
      Deviations deviations,
      DeviationCommit commit,
      RegistrationChecks checks,
      Categories categories,
      CaseNumberGenerator caseNumbers,
      PatientProtector patients,
      PatientAccessLog accessLog,
      DeadlinePolicy deadlines,
      JdbcTemplate jdbc,
      Clock clock) {
    this.deviations = deviations;
    this.commit = commit;
    this.checks = checks;
    this.categories = categories;
    this.caseNumbers = caseNumbers;
    this.patients = patients;
    this.accessLog = accessLog;
    this.deadlines = deadlines;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The deviation as it is now, with the patient's number decrypted for the transfer (the read is
   * written to the PDL access log as the system actor MedControl PRO). Empty if it does not exist.
   */
  @Transactional
  public Optional<MedControlSnapshot> snapshot(UUID deviationId) {
    return deviations.findById(deviationId).map(d -> snapshotOf(d, true));
  }

  /**
   * The deviation as it is now without its patient (the number is null, nothing is decrypted or
   * logged): for comparing and updating, which never send the patient.
   */
  @Transactional(readOnly = true)
  public Optional<MedControlSnapshot> snapshotWithoutPatient(UUID deviationId) {
    return deviations.findById(deviationId).map(d -> snapshotOf(d, false));
  }

  /**
   * Records the remote case id; does not change the deviation's version (no conflict with people
   * editing it). Idempotent for the same id; refuses to replace a different id.
   */
  @Transactional
  public void linkMedControlCase(UUID deviationId, String medControlCaseId) {
    if (medControlCaseId == null || medControlCaseId.isBlank()) {
      throw new IllegalArgumentException("medControlCaseId is required");
    }
    Optional<UUID> holder = deviations.findIdByMedControlCaseId(medControlCaseId);
    if (holder.isPresent() && !holder.get().equals(deviationId)) {
      throw new IllegalStateException("that MedControl PRO case is linked to another deviation");
    }
    int linked;
    try {
      linked = deviations.linkMedControlCaseIfUnlinked(deviationId, medControlCaseId);
    } catch (DataIntegrityViolationException e) {
      throw new IllegalStateException(
          "that MedControl PRO case was linked to another deviation at the same time", e);
    }
    if (linked == 1) {
      return;
    }
    String current =
        deviations
            .findMedControlCaseIdById(deviationId)
            .orElseThrow(() -> new NotFoundException("deviation"));
    if (!current.equals(medControlCaseId)) {
      throw new IllegalStateException(
          "the deviation is already linked to another MedControl PRO case");
    }
  }

  /** The deviation linked to that remote case, if any. */
  @Transactional(readOnly = true)
  public Optional<UUID> deviationFor(String medControlCaseId) {
    return deviations.findIdByMedControlCaseId(medControlCaseId);
  }

  /**
   * Creates a deviation (origin MEDCONTROL, already linked) from a case registered in MedControl
   * PRO. Idempotent: a second call for the same remote case returns the existing one. The returned
   * snapshot leaves the patient out (nothing is decrypted for it).
   *
   * <p>Concurrent imports of the same case are serialized by a transaction-scoped advisory lock on
   * the case id, taken before looking for an existing deviation: the second importer waits until
   * the first one's transaction ends and then finds its deviation. The unique index on the case id
   * stays the last guard; should it ever fire, this throws an {@link IllegalStateException} and a
   * retry returns the existing deviation.
   *
   * @throws se.samla.deviation.core.common.application.ValidationFailedException when a value
   *     cannot be mapped (unknown unit or category, a risk level out of range, invalid
   *     personnummer); the field errors name what, never the value. A case without a risk (either
   *     level missing) is imported with the risk not assessed.
   */
  @Transactional
  public MedControlSnapshot registerFromMedControl(MedControlRegistration registration) {
    String caseId = registration.medControlCaseId();
    if (caseId == null || caseId.isBlank()) {
      throw ValidationFailedException.of(
          "medControlCaseId", "missing", "the MedControl PRO case id is required");
    }
    jdbc.queryForList(
        "select 1 from pg_advisory_xact_lock(?, hashtext(?))", IMPORT_LOCK_SPACE, caseId);
    Optional<Deviation> existing = deviations.findByMedControlCaseId(caseId);
    if (existing.isPresent()) {
      return snapshotOf(existing.get(), false);
    }

    Instant now = clock.instant();
    List<FieldError> errors = new ArrayList<>();
    UnitRef reporting =
        checks.unit(registration.reportingUnitHsaId(), "reportingUnitHsaId", false, errors);
    UnitRef receiving =
        checks.activeUnit(registration.receivingUnitHsaId(), "receivingUnitHsaId", errors);
    String categoryCode = category(registration.medControlCategory(), errors);
    Consequence consequence = consequence(registration.consequence(), errors);
    Probability probability = probability(registration.probability(), errors);
    if (consequence == null || probability == null) {
      // Half a cell is no estimate: the receiving handlers assess the risk here.
      consequence = null;
      probability = null;
    }
    if (registration.occurredAt() == null) {
      errors.add(new FieldError("occurredAt", "missing", "when it happened is required"));
    }
    String description =
        text(registration.description(), "description", true, DESCRIPTION_MAX, errors);
    String immediateActions =
        text(
            registration.immediateActions(),
            "immediateActions",
            false,
            IMMEDIATE_ACTIONS_MAX,
            errors);
    ProtectedPatient patient =
        checks.patient(registration.patientIdentityNumber(), "patientIdentityNumber", now, errors);
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }

    NewDeviation data =
        new NewDeviation(
            registration.occurredAt(),
            null,
            reporting,
            receiving,
            categoryCode,
            description,
            immediateActions,
            consequence,
            probability,
            null,
            patient,
            false,
            false);
    Deviation deviation =
        Deviation.importFromMedControl(
            UUID.randomUUID(),
            caseNumbers.next(),
            caseId,
            data,
            registration.reporter(),
            registration.reportedAt(),
            now,
            deadlines);
    try {
      commit.added(deviation);
    } catch (DataIntegrityViolationException e) {
      if (!DeviationCommit.violates(e, DeviationCommit.ONE_DEVIATION_PER_MEDCONTROL_CASE)) {
        throw e;
      }
      throw new IllegalStateException(
          "the MedControl PRO case was imported at the same time; retry to get that deviation", e);
    }
    return snapshotOf(deviation, false);
  }

  /**
   * Applies changes made in MedControl PRO, appending one timeline event by MedControl PRO and
   * publishing DeviationChanged like any command. Returns the deviation without its patient.
   *
   * @throws se.samla.deviation.core.common.application.VersionConflictException when the deviation
   *     is no longer at {@code expectedVersion}
   * @throws se.samla.deviation.core.deviation.domain.IllegalTransitionException when the change is
   *     not possible from the current status (a closed or withdrawn deviation)
   */
  @Transactional
  public MedControlSnapshot applyFromMedControl(
      UUID deviationId, long expectedVersion, MedControlChange change) {
    Deviation deviation =
        deviations.findById(deviationId).orElseThrow(() -> new NotFoundException("deviation"));
    if (deviation.version() != expectedVersion) {
      throw new VersionConflictException(
          "the deviation has changed since version " + expectedVersion, true, null);
    }
    List<FieldError> errors = new ArrayList<>();
    UnitRef receiving =
        change.receivingUnitHsaId() == null
            ? null
            : checks.activeUnit(change.receivingUnitHsaId(), "receivingUnitHsaId", errors);
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    deviation.applyMedControlChange(change, receiving, clock.instant(), deadlines);
    commit.changed(deviation);
    return snapshotOf(deviation, false);
  }

  // ---- mapping ------------------------------------------------------------------------------

  private MedControlSnapshot snapshotOf(Deviation d, boolean withPatient) {
    String patientNumber =
        withPatient
            ? d.patient().map(p -> revealForTransfer(d, p, clock.instant())).orElse(null)
            : null;
    String medControlCategory =
        categories.findById(d.categoryCode()).map(Category::medControlCode).orElse(null);
    return new MedControlSnapshot(
        d.id(),
        d.caseNumber(),
        d.version(),
        d.origin(),
        d.status(),
        d.occurredAt(),
        d.submittedAt(),
        d.reportingUnit().hsaId(),
        d.receivingUnit().hsaId(),
        medControlCategory,
        d.description(),
        d.immediateActions(),
        d.reporterEstimate().map(r -> r.consequence().level()).orElse(null),
        d.reporterEstimate().map(r -> r.probability().level()).orElse(null),
        d.handlerAssessment().map(r -> r.consequence().level()).orElse(null),
        d.handlerAssessment().map(r -> r.probability().level()).orElse(null),
        d.reporter(),
        d.handler().orElse(null),
        d.answer()
            .map(
                x ->
                    new MedControlAnswer(
                        x.investigation(), x.causes(), x.measures(), x.answeredAt()))
            .orElse(null),
        d.closedAt().orElse(null),
        d.medControlCaseId().orElse(null),
        patientNumber);
  }

  private String revealForTransfer(Deviation d, ProtectedPatient patient, Instant now) {
    accessLog.save(
        new PatientAccessLogEntry(
            now,
            PersonRef.MEDCONTROL.hsaId(),
            PersonRef.MEDCONTROL.name(),
            null,
            d.id(),
            patient.pseudonym(),
            PatientAccessLogEntry.Action.TRANSFER_MEDCONTROL,
            true));
    return patients.reveal(patient).normalized();
  }

  private String category(String medControlCode, List<FieldError> errors) {
    if (medControlCode == null || medControlCode.isBlank()) {
      errors.add(new FieldError("category", "missing", "a category is required"));
      return null;
    }
    List<Category> mapped = categories.findByMedControlCodeOrderByListVersionDesc(medControlCode);
    Optional<Category> chosen =
        mapped.stream().filter(Category::active).findFirst().or(() -> mapped.stream().findFirst());
    if (chosen.isEmpty()) {
      errors.add(
          new FieldError("category", "unknown", "no category is mapped to that MedControl code"));
      return null;
    }
    return chosen.get().code();
  }

  private static Consequence consequence(Integer level, List<FieldError> errors) {
    if (level == null) {
      return null;
    }
    try {
      return Consequence.ofLevel(level);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("consequence", "range", "the consequence level must be 0..4"));
      return null;
    }
  }

  private static Probability probability(Integer level, List<FieldError> errors) {
    if (level == null) {
      return null;
    }
    try {
      return Probability.ofLevel(level);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("probability", "range", "the probability level must be 1..4"));
      return null;
    }
  }

  private static String text(
      String value, String field, boolean required, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "missing", "a text is required"));
      }
      return null;
    }
    // A case registered elsewhere cannot be sent back for correction: drop what PostgreSQL or a
    // reader cannot take instead of rejecting the whole case.
    String stripped = PlainText.plain(value).strip();
    if (stripped.length() > max) {
      errors.add(new FieldError(field, "tooLong", "at most " + max + " characters"));
      return null;
    }
    return stripped;
  }
}
