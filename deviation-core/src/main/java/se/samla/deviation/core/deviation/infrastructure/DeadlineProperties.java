package se.samla.deviation.core.deviation.infrastructure;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Deadline settings under {@code deviation.deadlines}. The zone in which their days are counted is
 * the service's one zone, {@code deviation.zone} ({@code ServiceZone}); {@code
 * deviation.deadlines.zone} is its old name.
 *
 * @param acknowledgementWorkingDays working days after submission to acknowledge (assign)
 * @param answerCalendarDays calendar days after submission to answer
 * @param autoCloseAfterDays days after which an ANSWERED deviation without reaction closes itself
 */
@Validated
@ConfigurationProperties(prefix = "deviation.deadlines")
public record DeadlineProperties(
    @DefaultValue("5") @Min(0) int acknowledgementWorkingDays,
    @DefaultValue("60") @Min(1) int answerCalendarDays,
    @DefaultValue("30") @Min(1) int autoCloseAfterDays) {}
