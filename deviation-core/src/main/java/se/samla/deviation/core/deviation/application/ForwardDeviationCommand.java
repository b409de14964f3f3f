package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Send the deviation on to the unit where it really arose. */
public record ForwardDeviationCommand(
    @NotNull UUID deviationId,
    @NotBlank String receivingUnitHsaId,
    @NotBlank @Size(max = 4000) String reason,
    Long expectedVersion) {}
