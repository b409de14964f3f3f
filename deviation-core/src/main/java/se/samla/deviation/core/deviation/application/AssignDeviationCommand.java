package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Assign (or re-assign) a handler; {@code handlerHsaId} null means the actor. */
public record AssignDeviationCommand(
    @NotNull UUID deviationId, String handlerHsaId, Long expectedVersion) {}
