package se.samla.deviation.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;

/** A context with only the core migrates only the core's tables, from the core's own folder. */
@CoreIntegrationTest
class CoreMigrationsIT {

  @Autowired Flyway flyway;
  @Autowired JdbcTemplate jdbc;

  @Test
  void appliesCoresMigrationsOnly() {
    MigrationInfo[] applied = flyway.info().applied();

    assertThat(Arrays.stream(applied).map(m -> m.getVersion().getVersion()))
        .contains("1", "2", "3", "7")
        .doesNotContain("4", "5", "6", "8");
    assertThat(applied)
        .allSatisfy(m -> assertThat(m.getPhysicalLocation()).contains("db/migration/core/"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_schema = 'public'"
                    + " and (table_name like 'medcontrol%' or table_name like 'saml%'"
                    + " or table_name like 'spring_session%')",
                Integer.class))
        .isZero();
  }
}
