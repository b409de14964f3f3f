package se.samla.deviation.medcontrol.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row claimed by one relay until its lease runs out. Every settlement of the row names
 * {@code token}, so a claimer whose lease ran out (and whose row was claimed again) changes
 * nothing.
 */
public record OutboxClaim(
    long id, UUID deviationId, UUID token, int attempts, Instant createdAt, int claimedChanges) {}
