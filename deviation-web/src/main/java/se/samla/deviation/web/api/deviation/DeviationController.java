package se.samla.deviation.web.api.deviation;

import static se.samla.deviation.web.api.Refs.instant;

import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.PageResult;
import se.samla.deviation.core.common.domain.ServiceZone;
import se.samla.deviation.core.deviation.application.AcceptAnswerCommand;
import se.samla.deviation.core.deviation.application.AnswerDeviationCommand;
import se.samla.deviation.core.deviation.application.AssessRiskCommand;
import se.samla.deviation.core.deviation.application.AssignDeviationCommand;
import se.samla.deviation.core.deviation.application.CommentDeviationCommand;
import se.samla.deviation.core.deviation.application.DeviationListQuery;
import se.samla.deviation.core.deviation.application.DeviationQueries;
import se.samla.deviation.core.deviation.application.DeviationView;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.deviation.application.DisputeAnswerCommand;
import se.samla.deviation.core.deviation.application.ForwardDeviationCommand;
import se.samla.deviation.core.deviation.application.RegisterDeviationCommand;
import se.samla.deviation.core.deviation.application.RequestInformationCommand;
import se.samla.deviation.core.deviation.application.ResubmitDeviationCommand;
import se.samla.deviation.core.deviation.application.ReturnDeviationCommand;
import se.samla.deviation.core.deviation.application.SupplyInformationCommand;
import se.samla.deviation.core.deviation.application.WithdrawDeviationCommand;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.web.api.BadRequestException;
import se.samla.deviation.web.api.deviation.DeviationRequests.AnswerRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.AssignmentRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.CommentRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.ForwardingRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.InformationRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.InformationRequestRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.ReasonRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.RegisterRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.ResubmissionRequest;
import se.samla.deviation.web.api.deviation.DeviationRequests.RiskAssessmentRequest;
import se.samla.deviation.web.api.deviation.DeviationResponses.DeviationResponse;
import se.samla.deviation.web.api.deviation.DeviationResponses.SummaryResponse;
import se.samla.deviation.web.api.deviation.DeviationResponses.TimelineResponse;
import se.samla.deviation.web.support.ExpectedVersion;

/**
 * Deviations: register, read, list, timeline and the workflow commands. Only maps between JSON and
 * core's commands and views; every rule lives in core.
 */
@RestController
@RequestMapping("/api/v1/deviations")
class DeviationController {

  private static final String BASE = "/api/v1/deviations/";

  private final DeviationWorkflow workflow;
  private final DeviationQueries queries;
  private final ServiceZone zone;

  DeviationController(DeviationWorkflow workflow, DeviationQueries queries, ServiceZone zone) {
    this.workflow = workflow;
    this.queries = queries;
    this.zone = zone;
  }

  @PostMapping
  ResponseEntity<DeviationResponse> register(Actor actor, @RequestBody RegisterRequest body) {
    DeviationView view =
        workflow.register(
            new RegisterDeviationCommand(
                instant(body.occurredAt()),
                instant(body.discoveredAt()),
                body.reportingUnitHsaId(),
                body.receivingUnitHsaId(),
                body.categoryCode(),
                body.description(),
                body.immediateActions(),
                body.consequence(),
                body.probability(),
                body.agreementReference(),
                body.patient() == null ? null : body.patient().personalIdentityNumber(),
                body.possibleLexMaria(),
                body.possibleLexSarah()),
            actor);
    return ResponseEntity.created(URI.create(BASE + view.id()))
        .eTag(ExpectedVersion.etag(view.version()))
        .body(DeviationResponses.of(view));
  }

  @GetMapping("/{id}")
  ResponseEntity<DeviationResponse> get(Actor actor, @PathVariable UUID id) {
    return respond(queries.get(id, actor));
  }

  @GetMapping("/{id}/events")
  List<TimelineResponse> timeline(Actor actor, @PathVariable UUID id) {
    return queries.timeline(id, actor).stream().map(DeviationResponses::of).toList();
  }

  /** The list response: {@code {items, page, size, totalItems}}. */
  record Page<T>(List<T> items, int page, int size, long totalItems) {}

  @GetMapping
  Page<SummaryResponse> list(
      Actor actor,
      @RequestParam(defaultValue = "reported") String view,
      @RequestParam(required = false) List<String> status,
      @RequestParam(required = false) List<String> category,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + DeviationListQuery.DEFAULT_SIZE) int size) {
    String[] sortParts = sort == null ? new String[0] : sort.split(",", 2);
    DeviationListQuery query =
        new DeviationListQuery(
            parse("view", view, DeviationListQuery.View::valueOf),
            status == null
                ? Set.of()
                : status.stream()
                    .flatMap(s -> List.of(s.split(",")).stream())
                    .map(s -> parse("status", s, DeviationStatus::valueOf))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeviationStatus.class))),
            category == null
                ? Set.of()
                : category.stream()
                    .flatMap(c -> List.of(c.split(",")).stream())
                    .collect(Collectors.toSet()),
            unit,
            from == null ? null : zone.startOf(from),
            to == null ? null : zone.startOf(to.plusDays(1)),
            overdue,
            sortParts.length == 0
                ? null
                : parse("sort", camelToEnum(sortParts[0]), DeviationListQuery.Sort::valueOf),
            sortParts.length == 2 && sortParts[1].equalsIgnoreCase("asc"),
            page,
            size);
    PageResult<SummaryResponse> result = queries.list(query, actor).map(DeviationResponses::of);
    return new Page<>(result.items(), result.page(), result.size(), result.totalItems());
  }

  // ---- workflow commands ----------------------------------------------------------------------

  @PostMapping("/{id}/assignment")
  ResponseEntity<DeviationResponse> assign(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody(required = false) AssignmentRequest body) {
    return respond(
        workflow.assign(
            new AssignDeviationCommand(
                id, body == null ? null : body.handlerHsaId(), expected.value()),
            actor));
  }

  @PostMapping("/{id}/forwarding")
  ResponseEntity<DeviationResponse> forward(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody ForwardingRequest body) {
    return respond(
        workflow.forward(
            new ForwardDeviationCommand(
                id, body.receivingUnitHsaId(), body.reason(), expected.value()),
            actor));
  }

  @PostMapping("/{id}/return")
  ResponseEntity<DeviationResponse> returnToReporter(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody ReasonRequest body) {
    return respond(
        workflow.returnToReporter(
            new ReturnDeviationCommand(id, body.reason(), expected.value()), actor));
  }

  @PostMapping("/{id}/information-request")
  ResponseEntity<DeviationResponse> requestInformation(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody InformationRequestRequest body) {
    return respond(
        workflow.requestInformation(
            new RequestInformationCommand(id, body.question(), expected.value()), actor));
  }

  @PostMapping("/{id}/information")
  ResponseEntity<DeviationResponse> supplyInformation(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody InformationRequest body) {
    return respond(
        workflow.supplyInformation(
            new SupplyInformationCommand(id, body.answer(), expected.value()), actor));
  }

  @PostMapping("/{id}/answer")
  ResponseEntity<DeviationResponse> answer(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody AnswerRequest body) {
    return respond(
        workflow.answer(
            new AnswerDeviationCommand(
                id, body.investigation(), body.causes(), body.measures(), expected.value()),
            actor));
  }

  @PostMapping("/{id}/acceptance")
  ResponseEntity<DeviationResponse> accept(
      Actor actor, @PathVariable UUID id, ExpectedVersion expected) {
    return respond(workflow.accept(new AcceptAnswerCommand(id, expected.value()), actor));
  }

  @PostMapping("/{id}/dispute")
  ResponseEntity<DeviationResponse> dispute(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody ReasonRequest body) {
    return respond(
        workflow.dispute(new DisputeAnswerCommand(id, body.reason(), expected.value()), actor));
  }

  @PostMapping("/{id}/withdrawal")
  ResponseEntity<DeviationResponse> withdraw(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody ReasonRequest body) {
    return respond(
        workflow.withdraw(
            new WithdrawDeviationCommand(id, body.reason(), expected.value()), actor));
  }

  @PostMapping("/{id}/resubmission")
  ResponseEntity<DeviationResponse> resubmit(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody(required = false) ResubmissionRequest body) {
    return respond(
        workflow.resubmit(
            new ResubmitDeviationCommand(
                id,
                body == null ? null : body.receivingUnitHsaId(),
                body == null ? null : body.comment(),
                expected.value()),
            actor));
  }

  @PostMapping("/{id}/comments")
  ResponseEntity<DeviationResponse> comment(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody CommentRequest body) {
    return respond(
        workflow.comment(
            new CommentDeviationCommand(
                id,
                body.text(),
                body.visibility() == null
                    ? se.samla.deviation.core.deviation.domain.Visibility.SHARED
                    : body.visibility(),
                expected.value()),
            actor));
  }

  @PostMapping("/{id}/risk-assessment")
  ResponseEntity<DeviationResponse> assessRisk(
      Actor actor,
      @PathVariable UUID id,
      ExpectedVersion expected,
      @RequestBody RiskAssessmentRequest body) {
    return respond(
        workflow.assessRisk(
            new AssessRiskCommand(
                id, body.consequence(), body.probability(), body.reason(), expected.value()),
            actor));
  }

  private static ResponseEntity<DeviationResponse> respond(DeviationView view) {
    return ResponseEntity.ok()
        .eTag(ExpectedVersion.etag(view.version()))
        .body(DeviationResponses.of(view));
  }

  private static <E> E parse(String field, String value, Function<String, E> valueOf) {
    try {
      return valueOf.apply(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(field, "is not one of the allowed values");
    }
  }

  /** {@code answerDueAt} → {@code ANSWER_DUE_AT}; {@code ANSWER_DUE_AT} stays. */
  private static String camelToEnum(String value) {
    return value.strip().replaceAll("([a-z])([A-Z])", "$1_$2");
  }
}
