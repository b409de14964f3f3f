package se.samla.deviation.core.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The fictional demo landscape loaded for a laptop run, under {@code deviation.demo-data}.
 *
 * @param enabled whether to load it; unset means "exactly when the embedded database is used" (no
 *     {@code spring.datasource.url}); an explicit {@code true} or {@code false} wins
 * @param deviations how many deviations to create
 * @param seed the seed of the random generator, so the same seed gives the same data
 */
@Validated
@ConfigurationProperties(prefix = "deviation.demo-data")
public record DemoDataProperties(
    Boolean enabled,
    @DefaultValue("200") @Min(0) @Max(10_000) int deviations,
    @DefaultValue("20261123") long seed) {

  /** Whether demo data loads, given the configured {@code spring.datasource.url} (maybe null). */
  public boolean activeFor(String datasourceUrl) {
    return active(enabled, datasourceUrl);
  }

  /** The rule: an explicit setting wins; otherwise on exactly when no external database is set. */
  static boolean active(Boolean enabled, String datasourceUrl) {
    if (enabled != null) {
      return enabled;
    }
    return datasourceUrl == null || datasourceUrl.isBlank();
  }
}
