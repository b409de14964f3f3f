package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The reporting side accepts the answer; the deviation closes. */
public record AcceptAnswerCommand(@NotNull UUID deviationId, Long expectedVersion) {}
