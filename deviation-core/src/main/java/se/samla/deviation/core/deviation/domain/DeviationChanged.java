package se.samla.deviation.core.deviation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Published after every change of a deviation, inside the changing transaction, for other modules
 * (the MedControl PRO outbox, notifications) to react to.
 */
public record DeviationChanged(
    UUID deviationId,
    String caseNumber,
    DeviationEventType type,
    DeviationStatus status,
    Instant at) {}
