package se.samla.deviation.core.exchange.application;

import java.time.Instant;

/** A deviation's link to MedControl PRO as shown to users. */
public record SyncStatusView(String caseId, SyncState state, Instant lastSyncedAt) {}
