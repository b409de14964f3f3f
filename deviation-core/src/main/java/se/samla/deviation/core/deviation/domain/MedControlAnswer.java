package se.samla.deviation.core.deviation.domain;

import java.time.Instant;

/**
 * An answer (återkoppling) as it travels to and from MedControl PRO: the texts and when it was
 * given; {@code answeredAt} null means "when applied".
 */
public record MedControlAnswer(
    String investigation, String causes, String measures, Instant answeredAt) {}
