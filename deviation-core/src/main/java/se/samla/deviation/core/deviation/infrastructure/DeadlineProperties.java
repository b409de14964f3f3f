package se.samla.deviation.core.deviation.infrastructure;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Deadline settings under {@code deviation.deadlines}.
 *
 * @param acknowledgementWorkingDays working days after submission to acknowledge (assign)
 * @param answerCalendarDays calendar days after submission to answer
 * @param zone the zone in which deadline dates are counted
 * @param autoCloseAfterDays days after which an ANSWERED deviation without reaction closes itself
 */
@Validated
@ConfigurationProperties(prefix = "deviation.deadlines")
public record DeadlineProperties(
    @DefaultValue("5") @Min(0) int acknowledgementWorkingDays,
    @DefaultValue("60") @Min(1) int answerCalendarDays,
    @DefaultValue("Europe/Stockholm") @NotNull ZoneId zone,
    @DefaultValue("30") @Min(1) int autoCloseAfterDays) {}
