package se.samla.deviation.core.exchange.application;

import java.time.Instant;

/** An answer (återkoppling) as exchanged with an external case system. */
public record ExternalAnswer(
    String investigation, String causes, String measures, Instant answeredAt) {}
