package se.samla.deviation.medcontrol.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A deviation's remote case, the remote version we know and the merge base. */
record Link(
    UUID deviationId,
    String caseId,
    long remoteVersion,
    Map<SharedField, String> base,
    Instant lastSyncedAt) {}
