package se.samla.deviation.core.deviation.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.Probability;

/**
 * Register a deviation. {@code reportingUnitHsaId} defaults to the unit the reporter acts for;
 * {@code patientIdentityNumber} is optional and never echoed back in errors.
 */
public record RegisterDeviationCommand(
    @NotNull Instant occurredAt,
    Instant discoveredAt,
    String reportingUnitHsaId,
    @NotBlank String receivingUnitHsaId,
    @NotBlank String categoryCode,
    @NotBlank @Size(min = 10, max = 8000) String description,
    @Size(max = 4000) String immediateActions,
    @NotNull Consequence consequence,
    @NotNull Probability probability,
    @Size(max = 500) String agreementReference,
    String patientIdentityNumber,
    boolean possibleLexMaria,
    boolean possibleLexSarah) {

  @Override
  public String toString() {
    return "RegisterDeviationCommand[receivingUnit=%s, category=%s, patient=%s]"
        .formatted(
            receivingUnitHsaId, categoryCode, patientIdentityNumber == null ? "none" : "given");
  }
}
