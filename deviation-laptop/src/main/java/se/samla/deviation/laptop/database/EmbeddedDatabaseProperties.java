package se.samla.deviation.laptop.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL of the laptop run, under {@code deviation.embedded-database}.
 *
 * @param enabled whether the service may start one when no {@code spring.datasource.url} is given;
 *     off by default, so that a server with a forgotten URL refuses to start instead of running on
 *     a database of its own (the dev profile and the tests switch it on)
 * @param dataDirectory where its data lives between runs; empty means a throw-away directory. A
 *     string, not a {@link Path}: the binder turns an empty value for a {@code Path} into null and
 *     then applies the default, so an empty value could never mean "throw-away".
 * @param port its port; 0 picks a free one
 */
@Validated
@ConfigurationProperties(prefix = EmbeddedDatabaseProperties.PREFIX)
public record EmbeddedDatabaseProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("data/postgres") String dataDirectory,
    @DefaultValue("0") @Min(0) @Max(65535) int port) {

  static final String PREFIX = "deviation.embedded-database";
  static final String ENABLED = PREFIX + ".enabled";

  /** The persistent data directory, or empty for a throw-away database. */
  public Optional<Path> persistentDataDirectory() {
    return dataDirectory == null || dataDirectory.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(dataDirectory.strip()));
  }
}
