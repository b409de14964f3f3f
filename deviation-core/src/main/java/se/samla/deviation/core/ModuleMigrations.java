package se.samla.deviation.core;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;

/**
 * Each module migrates its own tables from its own Flyway location ({@code db/migration/core},
 * {@code db/migration/web}, {@code db/migration/medcontrol}) and contributes that location with one
 * {@link FlywayConfigurationCustomizer} bean. An application therefore migrates exactly the tables
 * of the modules on its class path: a core-only test context creates core's tables, the MedControl
 * PRO tests core's and the sync ledger, the application all of them.
 *
 * <p>The version numbers are one sequence across the modules (V1..V8 today, the next is V9 in
 * whichever module needs it), so a database migrated when every script lay in {@code db/migration}
 * validates unchanged: Flyway compares version, description and checksum, not the folder (ADR
 * 0013).
 */
public final class ModuleMigrations {

  private ModuleMigrations() {}

  /**
   * A customizer that adds {@code location} to the configured locations. A configured location that
   * contains it, such as Spring Boot's default {@code classpath:db/migration}, is dropped: Flyway
   * scans a location with its sub-folders and would find every module's scripts twice.
   */
  public static FlywayConfigurationCustomizer location(String location) {
    Location own = new Location(location);
    return configuration -> {
      List<Location> locations = new ArrayList<>();
      for (Location configured : configuration.getLocations()) {
        if (!configured.equals(own) && !configured.isParentOf(own)) {
          locations.add(configured);
        }
      }
      locations.add(own);
      configuration.locations(locations.toArray(Location[]::new));
    };
  }
}
