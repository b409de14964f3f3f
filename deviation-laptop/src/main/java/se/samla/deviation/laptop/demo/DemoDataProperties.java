package se.samla.deviation.laptop.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The fictional demo landscape loaded for a laptop run, under {@code deviation.demo-data}.
 *
 * @param enabled whether to load it; off unless asked for (the dev profile asks), whatever the
 *     database
 * @param deviations how many deviations to create
 * @param seed the seed of the random generator, so the same seed gives the same data
 */
@Validated
@ConfigurationProperties(prefix = "deviation.demo-data")
public record DemoDataProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("200") @Min(0) @Max(10_000) int deviations,
    @DefaultValue("20261123") long seed) {

  static final String ENABLED = "deviation.demo-data.enabled";
}
