package se.samla.deviation.core.deviation.application;

import java.time.Instant;

/** A deviation's link to MedControl PRO as shown to users. */
public record MedControlLink(String caseId, MedControlSyncState state, Instant lastSyncedAt) {}
