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
        .contains("1", "2", "3", "7", "8")
        .doesNotContain("4", "5", "6");
    assertThat(applied)
        .allSatisfy(
            m ->
                assertThat(m.getPhysicalLocation())
                    .containsPattern("db/migration/(core|medcontrol)/"));
    assertThat(applied)
        .filteredOn(m -> m.getVersion().getVersion().equals("8"))
        .singleElement()
        .satisfies(m -> assertThat(m.getPhysicalLocation()).contains("db/migration/medcontrol/"));
  }
}
