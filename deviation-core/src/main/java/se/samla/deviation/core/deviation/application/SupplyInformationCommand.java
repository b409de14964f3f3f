package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Answer the receiving side's information request. */
public record SupplyInformationCommand(
    @NotNull UUID deviationId, @NotBlank @Size(max = 8000) String answer, Long expectedVersion) {}
