package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import se.samla.deviation.core.deviation.domain.Visibility;

/** A comment on the timeline; INTERNAL ones are seen only by the receiving side. */
public record CommentDeviationCommand(
    @NotNull UUID deviationId,
    @NotBlank @Size(max = 4000) String text,
    @NotNull Visibility visibility,
    Long expectedVersion) {}
