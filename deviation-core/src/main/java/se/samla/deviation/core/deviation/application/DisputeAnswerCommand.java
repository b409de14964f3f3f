package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The reporting side does not accept the answer; the deviation goes back to the handler. */
public record DisputeAnswerCommand(
    @NotNull UUID deviationId, @NotBlank @Size(max = 4000) String reason, Long expectedVersion) {}
