package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The receiving side's answer (återkoppling). */
public record AnswerDeviationCommand(
    @NotNull UUID deviationId,
    @NotBlank @Size(max = 8000) String investigation,
    @Size(max = 8000) String causes,
    @NotBlank @Size(max = 8000) String measures,
    Long expectedVersion) {}
