package se.samla.deviation.core.deviation.application;

import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.addressedToUnitsOf;
import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.categoryIn;
import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.concernsOrganisationsOf;
import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.concernsUnit;
import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.overdueAt;
import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.reportedBy;
import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.statusIn;
import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.submittedBetween;
import static se.samla.deviation.core.deviation.infrastructure.DeviationSpecifications.visibleTo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.audit.domain.PatientAccessLogEntry;
import se.samla.deviation.core.audit.infrastructure.PatientAccessLog;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.PageResult;
import se.samla.deviation.core.common.application.PlainText;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.DeviationPermissions;
import se.samla.deviation.core.deviation.domain.RiskAssessment;
import se.samla.deviation.core.deviation.domain.Visibility;
import se.samla.deviation.core.deviation.infrastructure.Deviations;
import se.samla.deviation.core.organisation.application.ReferenceData;
import se.samla.deviation.core.organisation.application.ReferenceData.UnitView;
import se.samla.deviation.core.patient.domain.PatientProtector;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;
import se.samla.deviation.core.patient.domain.ProtectedPatient;

/**
 * Reads of deviations, always through the actor's visibility. Reading a deviation that carries a
 * patient writes the PDL access log in the same transaction.
 */
@Service
public class DeviationQueries {

  private final Deviations deviations;
  private final ReferenceData referenceData;
  private final PatientProtector patients;
  private final PatientAccessLog accessLog;
  private final ObjectProvider<MedControlLinks> syncStatus;
  private final Clock clock;

  DeviationQueries(
      Deviations deviations,
      ReferenceData referenceData,
      PatientProtector patients,
      PatientAccessLog accessLog,
      ObjectProvider<MedControlLinks> syncStatus,
      Clock clock) {
    this.syncStatus = syncStatus;
    this.deviations = deviations;
    this.referenceData = referenceData;
    this.patients = patients;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  /** One deviation, or not found when it does not exist or the actor may not see it. */
  @Transactional
  public DeviationView get(UUID id, Actor actor) {
    return deviations
        .findById(id)
        .filter(d -> DeviationPermissions.canView(actor, d))
        .map(d -> view(d, actor))
        .orElseThrow(() -> new NotFoundException("deviation"));
  }

  /** The timeline; internal comments only for the receiving side. */
  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(UUID id, Actor actor) {
    Deviation d =
        deviations
            .findById(id)
            .filter(found -> DeviationPermissions.canView(actor, found))
            .orElseThrow(() -> new NotFoundException("deviation"));
    boolean internal = DeviationPermissions.canSeeInternal(actor, d);
    return d.events().stream()
        .filter(e -> internal || e.visibility() == Visibility.SHARED)
        .map(
            e ->
                new TimelineEntry(
                    e.sequenceNo(), e.type(), e.at(), e.actor(), e.visibility(), e.details()))
        .toList();
  }

  @Transactional(readOnly = true)
  public PageResult<DeviationSummary> list(DeviationListQuery query, Actor actor) {
    if (query.page() < 0 || query.size() < 1 || query.size() > DeviationListQuery.MAX_SIZE) {
      throw new ValidationFailedException(
          List.of(
              new FieldError(
                  query.page() < 0 ? "page" : "size",
                  "range",
                  "page must be ≥ 0 and size 1.." + DeviationListQuery.MAX_SIZE)));
    }
    List<FieldError> filterErrors = new ArrayList<>();
    PlainText.check(filterErrors, "unit", query.unitHsaId());
    if (!query.categoryCodes().stream().allMatch(PlainText::isPlain)) {
      filterErrors.add(PlainText.error("category"));
    }
    if (!filterErrors.isEmpty()) {
      throw new ValidationFailedException(filterErrors);
    }
    Instant now = clock.instant();
    Specification<Deviation> spec =
        Specification.where(visibleTo(actor))
            .and(
                switch (query.view()) {
                  case REPORTED -> reportedBy(actor);
                  case INBOX -> addressedToUnitsOf(actor);
                  case ORGANISATION -> concernsOrganisationsOf(actor);
                })
            .and(statusIn(query.statuses()))
            .and(categoryIn(query.categoryCodes()))
            .and(concernsUnit(query.unitHsaId()))
            .and(submittedBetween(query.from(), query.to()));
    if (query.overdueOnly()) {
      spec = spec.and(overdueAt(now));
    }
    Page<Deviation> page =
        deviations.findAll(spec, PageRequest.of(query.page(), query.size(), sort(query)));
    Map<String, UnitView> units = unitsOf(page.getContent());
    return new PageResult<>(
        page.getContent().stream().map(d -> summary(d, units, now)).toList(),
        query.page(),
        query.size(),
        page.getTotalElements());
  }

  /** The view of a deviation the actor may see; writes the access log if it has a patient. */
  DeviationView view(Deviation d, Actor actor) {
    Instant now = clock.instant();
    Map<String, UnitView> units = unitsOf(List.of(d));
    DeviationView.PatientView patient =
        d.patient().map(p -> patientView(d, p, actor, now)).orElse(null);
    Set<DeviationAction> allowed = EnumSet.noneOf(DeviationAction.class);
    for (DeviationAction action : DeviationAction.values()) {
      if (Deviation.allowedFrom(action).contains(d.status())
          && DeviationPermissions.may(actor, action, d)) {
        allowed.add(action);
      }
    }
    return new DeviationView(
        d.id(),
        d.caseNumber(),
        d.version(),
        d.status(),
        d.occurredAt(),
        d.discoveredAt(),
        d.submittedAt(),
        d.reporter(),
        named(units.get(d.reportingUnit().hsaId())),
        named(units.get(d.receivingUnit().hsaId())),
        d.categoryCode(),
        d.description(),
        d.immediateActions(),
        DeviationView.RiskView.of(d.risk().orElse(null)),
        DeviationView.RiskView.of(d.reporterEstimate().orElse(null)),
        d.handlerAssessment()
            .map(
                a ->
                    new DeviationView.AssessmentView(
                        DeviationView.RiskView.of(a),
                        d.riskAssessedAt().orElseThrow(),
                        d.riskAssessedBy().orElseThrow()))
            .orElse(null),
        d.agreementReference(),
        d.possibleLexMaria(),
        d.possibleLexSarah(),
        d.handler().orElse(null),
        d.acknowledgementDueAt(),
        d.answerDueAt(),
        d.isOverdue(now),
        d.answer()
            .map(
                a ->
                    new DeviationView.AnswerView(
                        a.investigation(),
                        a.causes(),
                        a.measures(),
                        a.answeredAt(),
                        a.answeredBy()))
            .orElse(null),
        d.closedAt().orElse(null),
        patient,
        d.origin(),
        medControl(d),
        allowed);
  }

  /** The sync state from the integration when it is there; else just the linked case, if any. */
  private MedControlLink medControl(Deviation d) {
    String caseId = d.medControlCaseId().orElse(null);
    MedControlLinks status = syncStatus.getIfAvailable();
    MedControlLink view = status == null ? null : status.of(List.of(d.id())).get(d.id());
    if (view == null) {
      return caseId == null ? null : new MedControlLink(caseId, null, null);
    }
    return view.caseId() == null && caseId != null
        ? new MedControlLink(caseId, view.state(), view.lastSyncedAt())
        : view;
  }

  private DeviationView.PatientView patientView(
      Deviation d, ProtectedPatient protectedPatient, Actor actor, Instant now) {
    boolean reveal = DeviationPermissions.canSeePatient(actor, d);
    accessLog.save(
        new PatientAccessLogEntry(
            now,
            actor.hsaId(),
            actor.person().name(),
            actor.actingUnitHsaId(),
            d.id(),
            protectedPatient.pseudonym(),
            PatientAccessLogEntry.Action.READ_DEVIATION,
            reveal));
    PersonalIdentityNumber number = patients.reveal(protectedPatient);
    return reveal
        ? new DeviationView.PatientView(number.formatted(), false)
        : new DeviationView.PatientView(number.masked(), true);
  }

  private DeviationSummary summary(Deviation d, Map<String, UnitView> units, Instant now) {
    return new DeviationSummary(
        d.id(),
        d.caseNumber(),
        d.status(),
        d.submittedAt(),
        named(units.get(d.reportingUnit().hsaId())),
        named(units.get(d.receivingUnit().hsaId())),
        d.categoryCode(),
        d.risk().map(RiskAssessment::level).orElse(null),
        d.riskAssessed(),
        d.handler().orElse(null),
        d.acknowledgementDueAt(),
        d.answerDueAt(),
        d.isOverdue(now),
        d.patient().isPresent());
  }

  private Map<String, UnitView> unitsOf(List<Deviation> list) {
    Set<String> ids = new HashSet<>();
    for (Deviation d : list) {
      ids.add(d.reportingUnit().hsaId());
      ids.add(d.receivingUnit().hsaId());
    }
    return referenceData.units(ids);
  }

  private static DeviationView.NamedUnit named(UnitView u) {
    return new DeviationView.NamedUnit(
        u.hsaId(), u.name(), u.organisationHsaId(), u.organisationName());
  }

  private static Sort sort(DeviationListQuery query) {
    String property =
        switch (query.sort()) {
          case SUBMITTED_AT -> "submittedAt";
          case ANSWER_DUE_AT -> "answerDueAt";
          case LAST_CHANGED_AT -> "lastChangedAt";
          case CASE_NUMBER -> "caseNumber";
          case STATUS -> "status";
        };
    List<Sort.Order> orders = new ArrayList<>();
    orders.add(query.ascending() ? Sort.Order.asc(property) : Sort.Order.desc(property));
    orders.add(Sort.Order.desc("id"));
    return Sort.by(orders);
  }
}
