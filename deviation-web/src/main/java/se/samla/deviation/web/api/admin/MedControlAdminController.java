package se.samla.deviation.web.api.admin;

import static se.samla.deviation.web.api.Refs.time;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.medcontrol.application.MedControlOperations;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.OutboxState;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.Resolution;
import se.samla.deviation.web.api.ApiStatusException;
import se.samla.deviation.web.api.BadRequestException;

/**
 * The MedControl PRO sync for operators (administrators only, 403 for everyone else): the backlog,
 * dead and rejected items, conflicts, and replay, resolve, pause and resume. Served by the
 * integration's {@link MedControlOperations}; 503 when the integration is not there.
 */
@RestController
@RequestMapping("/api/v1/admin/medcontrol")
class MedControlAdminController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  record KeepBody(Resolution keep) {}

  record OverviewResponse(
      boolean enabled,
      boolean paused,
      boolean leader,
      Map<String, Long> outboxByState,
      String oldestPendingAge,
      Long oldestPendingAgeSeconds,
      long openConflicts,
      long rejectedInbound,
      OffsetDateTime lastPollAt,
      String circuitBreakerState) {

    static OverviewResponse of(MedControlOperations.Overview o) {
      return new OverviewResponse(
          o.enabled(),
          o.paused(),
          o.leader(),
          byName(o.outboxByState()),
          o.oldestPendingAge() == null ? null : o.oldestPendingAge().toString(),
          o.oldestPendingAge() == null ? null : o.oldestPendingAge().toSeconds(),
          o.openConflicts(),
          o.rejectedInbound(),
          time(o.lastPollAt()),
          o.circuitBreakerState());
    }
  }

  record OutboxItemResponse(
      long id,
      UUID deviationId,
      String caseNumber,
      long deviationVersion,
      String state,
      int attempts,
      OffsetDateTime createdAt,
      OffsetDateTime nextAttemptAt,
      Integer lastHttpStatus,
      String lastError) {

    static OutboxItemResponse of(MedControlOperations.OutboxItem i) {
      return new OutboxItemResponse(
          i.id(),
          i.deviationId(),
          i.caseNumber(),
          i.deviationVersion(),
          i.state().name(),
          i.attempts(),
          time(i.createdAt()),
          time(i.nextAttemptAt()),
          i.lastHttpStatus(),
          i.lastError());
    }
  }

  record RejectedInboundResponse(
      String medControlCaseId, long version, OffsetDateTime receivedAt, String reason) {

    static RejectedInboundResponse of(MedControlOperations.RejectedInboundItem i) {
      return new RejectedInboundResponse(
          i.medControlCaseId(), i.version(), time(i.receivedAt()), i.reason());
    }
  }

  record ConflictResponse(
      long id,
      UUID deviationId,
      String caseNumber,
      String field,
      String localValue,
      String remoteValue,
      OffsetDateTime detectedAt,
      String state,
      String resolvedBy,
      OffsetDateTime resolvedAt) {

    static ConflictResponse of(MedControlOperations.Conflict c) {
      return new ConflictResponse(
          c.id(),
          c.deviationId(),
          c.caseNumber(),
          c.field(),
          c.localValue(),
          c.remoteValue(),
          time(c.detectedAt()),
          c.state().name(),
          c.resolvedBy(),
          time(c.resolvedAt()));
    }
  }

  private final ObjectProvider<MedControlOperations> operations;

  MedControlAdminController(ObjectProvider<MedControlOperations> operations) {
    this.operations = operations;
  }

  @GetMapping
  OverviewResponse overview(Actor actor) {
    return OverviewResponse.of(operations(actor).overview());
  }

  @GetMapping("/outbox")
  List<OutboxItemResponse> outbox(
      Actor actor,
      @RequestParam(defaultValue = "DEAD") String state,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    MedControlOperations sync = operations(actor);
    return sync.outbox(outboxState(state), checked(limit)).stream()
        .map(OutboxItemResponse::of)
        .toList();
  }

  @GetMapping("/inbound/rejected")
  List<RejectedInboundResponse> rejectedInbound(
      Actor actor, @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    MedControlOperations sync = operations(actor);
    return sync.rejectedInbound(checked(limit)).stream().map(RejectedInboundResponse::of).toList();
  }

  @GetMapping("/conflicts")
  List<ConflictResponse> conflicts(
      Actor actor,
      @RequestParam(defaultValue = "true") boolean open,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
    MedControlOperations sync = operations(actor);
    return sync.conflicts(open, checked(limit)).stream().map(ConflictResponse::of).toList();
  }

  @PostMapping("/outbox/{id}/replay")
  ResponseEntity<Void> replay(Actor actor, @PathVariable long id) {
    if (!operations(actor).replay(id, actor.hsaId())) {
      throw new ApiStatusException(HttpStatus.CONFLICT, "The outbox item is not DEAD.");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/conflicts/{id}/resolve")
  ResponseEntity<Void> resolve(
      Actor actor, @PathVariable long id, @RequestBody(required = false) KeepBody body) {
    MedControlOperations sync = operations(actor);
    if (body == null || body.keep() == null) {
      throw ValidationFailedException.of("keep", "required", "LOCAL or REMOTE is required");
    }
    if (!sync.resolveConflict(id, body.keep(), actor.hsaId())) {
      throw new ApiStatusException(HttpStatus.CONFLICT, "The conflict is not open.");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/pause")
  ResponseEntity<Void> pause(Actor actor) {
    operations(actor).pause(actor.hsaId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/resume")
  ResponseEntity<Void> resume(Actor actor) {
    operations(actor).resume(actor.hsaId());
    return ResponseEntity.noContent().build();
  }

  /** Administrators first (403), then the integration (503): nobody else learns whether it runs. */
  private MedControlOperations operations(Actor actor) {
    if (!actor.administrator()) {
      throw new NotPermittedException("administrators only");
    }
    MedControlOperations sync = operations.getIfAvailable();
    if (sync == null) {
      throw new ApiStatusException(
          HttpStatus.SERVICE_UNAVAILABLE, "MedControl PRO sync is not available");
    }
    return sync;
  }

  /** The state by its exact name; anything else is a bad request, as the API always answered. */
  private static OutboxState outboxState(String state) {
    for (OutboxState s : OutboxState.values()) {
      if (s.name().equals(state)) {
        return s;
      }
    }
    throw new BadRequestException("state", "is not one of the allowed values");
  }

  private static Map<String, Long> byName(Map<OutboxState, Long> counts) {
    Map<String, Long> byName = new LinkedHashMap<>();
    counts.forEach((state, count) -> byName.put(state.name(), count));
    return byName;
  }

  private static int checked(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ValidationFailedException.of("limit", "range", "limit must be 1.." + MAX_LIMIT);
    }
    return limit;
  }
}
