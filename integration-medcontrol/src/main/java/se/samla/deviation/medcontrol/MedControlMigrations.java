package se.samla.deviation.medcontrol;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import se.samla.deviation.core.ModuleMigrations;

/**
 * The sync ledger's tables (V8). An auto-configuration of its own, apart from {@link
 * MedControlConfiguration}: the tables belong to the module being on the class path, so they exist
 * (and a database that has them validates) also where the sync itself is switched off or excluded.
 */
@AutoConfiguration
public class MedControlMigrations {

  @Bean
  FlywayConfigurationCustomizer medControlMigrationLocation() {
    return ModuleMigrations.location("classpath:db/migration/medcontrol");
  }
}
