package se.samla.deviation.core.deviation.domain;

import java.time.Instant;
import se.samla.deviation.core.patient.domain.ProtectedPatient;

/** What a reporter registers; validated by the application service before it gets here. */
public record NewDeviation(
    Instant occurredAt,
    Instant discoveredAt,
    UnitRef reportingUnit,
    UnitRef receivingUnit,
    String categoryCode,
    String description,
    String immediateActions,
    Consequence consequence,
    Probability probability,
    String agreementReference,
    ProtectedPatient patient,
    boolean possibleLexMaria,
    boolean possibleLexSarah) {}
