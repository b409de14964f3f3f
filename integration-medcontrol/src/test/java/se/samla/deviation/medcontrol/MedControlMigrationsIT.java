package se.samla.deviation.medcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Core plus the integration migrate the core's tables and the sync ledger, each from its folder.
 */
@MedControlIntegrationTest
class MedControlMigrationsIT {

  @Autowired Flyway flyway;

  @Test
  void appliesCoreAndSyncLedgerMigrations() {
    MigrationInfo[] applied = flyway.info().applied();

    assertThat(Arrays.stream(applied).map(m -> m.getVersion().getVersion()))
        .containsExactly("1", "2", "3", "7", "8");
    assertThat(applied[4].getPhysicalLocation()).contains("db/migration/medcontrol/V8__");
    assertThat(Arrays.copyOf(applied, 4))
        .allSatisfy(m -> assertThat(m.getPhysicalLocation()).contains("db/migration/core/"));
  }
}
