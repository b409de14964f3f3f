package se.samla.deviation.core.deviation.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.PlainText;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.DeviationPermissions;
import se.samla.deviation.core.deviation.domain.NewDeviation;
import se.samla.deviation.core.deviation.domain.RiskAssessment;
import se.samla.deviation.core.deviation.domain.UnitRef;
import se.samla.deviation.core.deviation.infrastructure.CaseNumberGenerator;
import se.samla.deviation.core.deviation.infrastructure.Deviations;
import se.samla.deviation.core.organisation.domain.Category;
import se.samla.deviation.core.organisation.domain.HandlerAppointment;
import se.samla.deviation.core.organisation.infrastructure.Categories;
import se.samla.deviation.core.organisation.infrastructure.HandlerAppointments;
import se.samla.deviation.core.patient.domain.ProtectedPatient;

/**
 * The workflow commands: one transaction each. Every command checks, in this order: the command is
 * well-formed (422 with named fields), the deviation exists and the actor may see it (404), the
 * actor may do this (403), the caller's expected version (412), the status allows it (409). A
 * change is flushed inside the command so a concurrent change surfaces as a conflict here, and its
 * {@code DeviationChanged} events are published inside the same transaction.
 */
@Service
public class DeviationWorkflow {

  /** Clock skew tolerated for "not in the future" checks of times given by clients. */
  private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

  private final Deviations deviations;
  private final DeviationCommit commit;
  private final RegistrationChecks checks;
  private final CaseNumberGenerator caseNumbers;
  private final Categories categories;
  private final HandlerAppointments handlers;
  private final DeadlinePolicy deadlines;
  private final DeviationQueries queries;
  private final Validator validator;
  private final Clock clock;

  DeviationWorkflow(
      Deviations deviations,
      DeviationCommit commit,
      RegistrationChecks checks,
      CaseNumberGenerator caseNumbers,
      Categories categories,
      HandlerAppointments handlers,
      DeadlinePolicy deadlines,
      DeviationQueries queries,
      Validator validator,
      Clock clock) {
    this.deviations = deviations;
    this.commit = commit;
    this.checks = checks;
    this.caseNumbers = caseNumbers;
    this.categories = categories;
    this.handlers = handlers;
    this.deadlines = deadlines;
    this.queries = queries;
    this.validator = validator;
    this.clock = clock;
  }

  @Transactional
  public DeviationView register(RegisterDeviationCommand command, Actor actor) {
    Instant now = clock.instant();
    List<FieldError> errors = violations(command);
    // protect() checks the patient's number under the name the API gives it.
    errors.removeIf(e -> e.field().equals("patientIdentityNumber"));
    String reportingUnitId =
        command.reportingUnitHsaId() == null || command.reportingUnitHsaId().isBlank()
            ? actor.actingUnitHsaId()
            : command.reportingUnitHsaId();
    UnitRef reporting = checks.activeUnit(reportingUnitId, "reportingUnitHsaId", errors);
    UnitRef receiving =
        checks.activeUnit(command.receivingUnitHsaId(), "receivingUnitHsaId", errors);
    if (command.categoryCode() != null
        && !hasError(errors, "categoryCode")
        && categories.findById(command.categoryCode()).filter(Category::active).isEmpty()) {
      errors.add(new FieldError("categoryCode", "unknown", "no active category with that code"));
    }
    checkTimes(command, now, errors);
    ProtectedPatient patient =
        checks.patient(
            command.patientIdentityNumber(), "patient.personalIdentityNumber", now, errors);
    failOn(errors);

    NewDeviation data =
        new NewDeviation(
            command.occurredAt(),
            command.discoveredAt(),
            reporting,
            receiving,
            command.categoryCode(),
            command.description().strip(),
            blankToNull(command.immediateActions()),
            command.consequence(),
            command.probability(),
            blankToNull(command.agreementReference()),
            patient,
            command.possibleLexMaria(),
            command.possibleLexSarah());
    Deviation deviation =
        Deviation.submit(
            UUID.randomUUID(), caseNumbers.next(), data, actor.person(), now, deadlines);
    commit.added(deviation);
    return queries.view(deviation, actor);
  }

  @Transactional
  public DeviationView assign(AssignDeviationCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.ASSIGN,
        d -> {
          String handlerId =
              command.handlerHsaId() == null || command.handlerHsaId().isBlank()
                  ? actor.hsaId()
                  : command.handlerHsaId();
          HandlerAppointment appointment =
              handlers
                  .findByUnitHsaIdAndPersonHsaId(d.receivingUnit().hsaId(), handlerId)
                  .orElseThrow(
                      () ->
                          ValidationFailedException.of(
                              "handlerHsaId",
                              "notHandler",
                              "that person is not a handler of the receiving unit"));
          d.assign(appointment.person(), actor.person(), clock.instant());
        });
  }

  @Transactional
  public DeviationView forward(ForwardDeviationCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.FORWARD,
        d -> {
          List<FieldError> errors = new ArrayList<>();
          UnitRef target =
              checks.activeUnit(command.receivingUnitHsaId(), "receivingUnitHsaId", errors);
          if (target != null && target.hsaId().equals(d.receivingUnit().hsaId())) {
            errors.add(
                new FieldError(
                    "receivingUnitHsaId", "sameUnit", "the deviation is already at that unit"));
          }
          failOn(errors);
          d.forward(target, command.reason().strip(), actor.person(), clock.instant(), deadlines);
        });
  }

  @Transactional
  public DeviationView returnToReporter(ReturnDeviationCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.RETURN,
        d -> d.returnToReporter(command.reason().strip(), actor.person(), clock.instant()));
  }

  @Transactional
  public DeviationView requestInformation(RequestInformationCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.REQUEST_INFORMATION,
        d -> d.requestInformation(command.question().strip(), actor.person(), clock.instant()));
  }

  @Transactional
  public DeviationView supplyInformation(SupplyInformationCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.SUPPLY_INFORMATION,
        d ->
            d.supplyInformation(
                command.answer().strip(), actor.person(), clock.instant(), deadlines));
  }

  @Transactional
  public DeviationView answer(AnswerDeviationCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.ANSWER,
        d ->
            d.answer(
                command.investigation().strip(),
                blankToNull(command.causes()),
                command.measures().strip(),
                actor.person(),
                clock.instant()));
  }

  @Transactional
  public DeviationView accept(AcceptAnswerCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.ACCEPT,
        d -> d.accept(actor.person(), clock.instant()));
  }

  @Transactional
  public DeviationView dispute(DisputeAnswerCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.DISPUTE,
        d -> d.dispute(command.reason().strip(), actor.person(), clock.instant()));
  }

  @Transactional
  public DeviationView withdraw(WithdrawDeviationCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.WITHDRAW,
        d -> d.withdraw(command.reason().strip(), actor.person(), clock.instant()));
  }

  @Transactional
  public DeviationView resubmit(ResubmitDeviationCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.RESUBMIT,
        d -> {
          UnitRef target = null;
          if (command.receivingUnitHsaId() != null && !command.receivingUnitHsaId().isBlank()) {
            List<FieldError> errors = new ArrayList<>();
            target = checks.activeUnit(command.receivingUnitHsaId(), "receivingUnitHsaId", errors);
            failOn(errors);
          }
          d.resubmit(
              target, blankToNull(command.comment()), actor.person(), clock.instant(), deadlines);
        });
  }

  @Transactional
  public DeviationView comment(CommentDeviationCommand command, Actor actor) {
    DeviationAction action =
        command.visibility() == se.samla.deviation.core.deviation.domain.Visibility.INTERNAL
            ? DeviationAction.COMMENT_INTERNAL
            : DeviationAction.COMMENT;
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        action,
        d ->
            d.comment(
                command.text().strip(), command.visibility(), actor.person(), clock.instant()));
  }

  @Transactional
  public DeviationView assessRisk(AssessRiskCommand command, Actor actor) {
    return change(
        command,
        command.deviationId(),
        command.expectedVersion(),
        actor,
        DeviationAction.ASSESS_RISK,
        d ->
            d.assessRisk(
                new RiskAssessment(command.consequence(), command.probability()),
                command.reason().strip(),
                actor.person(),
                clock.instant()));
  }

  // ---- the shape every command shares ---------------------------------------------------------

  private DeviationView change(
      Object command,
      UUID id,
      Long expectedVersion,
      Actor actor,
      DeviationAction action,
      Consumer<Deviation> step) {
    failOn(violations(command));
    Deviation deviation =
        deviations
            .findById(id)
            .filter(d -> DeviationPermissions.canView(actor, d))
            .orElseThrow(() -> new NotFoundException("deviation"));
    if (!DeviationPermissions.may(actor, action, deviation)) {
      throw new NotPermittedException("not allowed to " + action + " this deviation");
    }
    if (expectedVersion != null && expectedVersion != deviation.version()) {
      throw new VersionConflictException(
          "the deviation has changed since version " + expectedVersion, true, null);
    }
    step.accept(deviation);
    commit.changed(deviation);
    return queries.view(deviation, actor);
  }

  private List<FieldError> violations(Object command) {
    // One error per field, in field order: a blank description is "NotBlank", not also "Size".
    Map<String, FieldError> onePerField = new TreeMap<>();
    for (ConstraintViolation<Object> v : validator.validate(command)) {
      String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      onePerField.merge(
          v.getPropertyPath().toString(),
          new FieldError(v.getPropertyPath().toString(), code, v.getMessage()),
          (a, b) -> a.code().compareTo(b.code()) <= 0 ? a : b);
    }
    if (command instanceof Record record) {
      PlainText.violations(record).forEach(e -> onePerField.putIfAbsent(e.field(), e));
    }
    return new ArrayList<>(onePerField.values());
  }

  private static void checkTimes(RegisterDeviationCommand c, Instant now, List<FieldError> errors) {
    Instant latest = now.plus(FUTURE_TOLERANCE);
    if (c.occurredAt() != null && c.occurredAt().isAfter(latest)) {
      errors.add(new FieldError("occurredAt", "future", "cannot be in the future"));
    }
    if (c.discoveredAt() != null) {
      if (c.discoveredAt().isAfter(latest)) {
        errors.add(new FieldError("discoveredAt", "future", "cannot be in the future"));
      } else if (c.occurredAt() != null && c.discoveredAt().isBefore(c.occurredAt())) {
        errors.add(new FieldError("discoveredAt", "beforeOccurred", "cannot be before occurredAt"));
      }
    }
  }

  /** A field already found invalid is not looked up (a control character never reaches SQL). */
  private static boolean hasError(List<FieldError> errors, String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  private static void failOn(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
