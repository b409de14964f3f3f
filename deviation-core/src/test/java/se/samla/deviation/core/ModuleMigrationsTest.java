package se.samla.deviation.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

class ModuleMigrationsTest {

  @Test
  void replacesBootsDefaultParentFolderWithTheModulesOwn() {
    FluentConfiguration configuration =
        new FluentConfiguration().locations("classpath:db/migration");

    ModuleMigrations.location("classpath:db/migration/core").customize(configuration);
    ModuleMigrations.location("classpath:db/migration/web").customize(configuration);

    assertThat(descriptors(configuration))
        .containsExactlyInAnyOrder("classpath:db/migration/core", "classpath:db/migration/web");
  }

  @Test
  void keepsLocationsAnOperatorAddedAndAddsEachModuleOnce() {
    FluentConfiguration configuration =
        new FluentConfiguration().locations("filesystem:/etc/deviation/sql");

    ModuleMigrations.location("classpath:db/migration/core").customize(configuration);
    ModuleMigrations.location("classpath:db/migration/core").customize(configuration);

    assertThat(descriptors(configuration))
        .containsExactlyInAnyOrder("filesystem:/etc/deviation/sql", "classpath:db/migration/core");
  }

  private static String[] descriptors(FluentConfiguration configuration) {
    return Arrays.stream(configuration.getLocations())
        .map(Location::getDescriptor)
        .toArray(String[]::new);
  }
}
