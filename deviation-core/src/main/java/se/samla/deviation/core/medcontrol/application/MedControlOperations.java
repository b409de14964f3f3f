package se.samla.deviation.core.medcontrol.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What operators (administrators) may see and do with the MedControl PRO sync. Implemented by the
 * integration; the web layer exposes it to administrators. Authorization is the caller's job.
 */
public interface MedControlOperations {

  Overview overview();

  /** Outbound items in a state: PENDING and IN_FLIGHT due first, SENT and DEAD newest first. */
  List<OutboxItem> outbox(OutboxState state, int limit);

  /** Inbound items that could not be applied, newest first. */
  List<RejectedInboundItem> rejectedInbound(int limit);

  List<Conflict> conflicts(boolean openOnly, int limit);

  /** Puts a DEAD item back to PENDING with fresh attempts. False when it is not DEAD. */
  boolean replay(long outboxItemId, String operatorHsaId);

  /** Resolves an open conflict by keeping one side's value. False when it is not open. */
  boolean resolveConflict(long conflictId, Resolution keep, String operatorHsaId);

  void pause(String operatorHsaId);

  void resume(String operatorHsaId);

  /**
   * Where an outbound item is: waiting to be sent (PENDING), claimed by an instance that is sending
   * it (IN_FLIGHT), in MedControl PRO (SENT), or given up on until an operator replays it (DEAD).
   */
  enum OutboxState {
    PENDING,
    IN_FLIGHT,
    SENT,
    DEAD
  }

  /** A conflict waits for a person (OPEN) or has been decided (RESOLVED). */
  enum ConflictState {
    OPEN,
    RESOLVED
  }

  /** Which side's value wins a conflict. */
  enum Resolution {
    LOCAL,
    REMOTE
  }

  record Overview(
      boolean enabled,
      boolean paused,
      boolean leader,
      Map<OutboxState, Long> outboxByState,
      Duration oldestPendingAge,
      long openConflicts,
      long rejectedInbound,
      Instant lastPollAt,
      String circuitBreakerState) {}

  record OutboxItem(
      long id,
      UUID deviationId,
      String caseNumber,
      long deviationVersion,
      OutboxState state,
      int attempts,
      Instant createdAt,
      Instant nextAttemptAt,
      Integer lastHttpStatus,
      String lastError) {}

  record RejectedInboundItem(
      String medControlCaseId, long version, Instant receivedAt, String reason) {}

  record Conflict(
      long id,
      UUID deviationId,
      String caseNumber,
      String field,
      String localValue,
      String remoteValue,
      Instant detectedAt,
      ConflictState state,
      String resolvedBy,
      Instant resolvedAt) {}
}
