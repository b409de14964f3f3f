package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Ask the reporting side for more information (komplettering). */
public record RequestInformationCommand(
    @NotNull UUID deviationId, @NotBlank @Size(max = 4000) String question, Long expectedVersion) {}
