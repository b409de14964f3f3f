package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The reporter sends a returned deviation again, to the same or another unit. */
public record ResubmitDeviationCommand(
    @NotNull UUID deviationId,
    String receivingUnitHsaId,
    @Size(max = 4000) String comment,
    Long expectedVersion) {}
