package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.Probability;

/**
 * The receiving side assesses (or re-assesses) the risk: a cell of the risk matrix and why. The
 * reporter's estimate stays beside it.
 */
public record AssessRiskCommand(
    @NotNull UUID deviationId,
    @NotNull Consequence consequence,
    @NotNull Probability probability,
    @NotBlank @Size(max = 4000) String reason,
    Long expectedVersion) {}
