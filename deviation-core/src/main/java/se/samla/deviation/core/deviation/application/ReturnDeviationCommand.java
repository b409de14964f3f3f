package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Return the deviation to the reporter. */
public record ReturnDeviationCommand(
    @NotNull UUID deviationId, @NotBlank @Size(max = 4000) String reason, Long expectedVersion) {}
