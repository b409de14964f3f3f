package se.samla.deviation.core.deviation.application;

import java.time.Instant;
import java.util.UUID;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.RiskLevel;

/**
 * A row of a deviation list. Lists never carry patient data. {@code riskLevel} is the current
 * risk's level, null when the risk is not assessed.
 */
public record DeviationSummary(
    UUID id,
    String caseNumber,
    DeviationStatus status,
    Instant submittedAt,
    DeviationView.NamedUnit reportingUnit,
    DeviationView.NamedUnit receivingUnit,
    String categoryCode,
    RiskLevel riskLevel,
    boolean riskAssessed,
    PersonRef handler,
    Instant acknowledgementDueAt,
    Instant answerDueAt,
    boolean overdue,
    boolean hasPatient) {}
