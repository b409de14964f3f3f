package se.samla.deviation.core.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migrations build the whole schema on an empty PostgreSQL, and the lists use indexes. */
class MigrationIT {

  @Test
  void migratesAnEmptyDatabaseAndServesTheInboxFromAnIndex() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      var dataSource = postgres.getPostgresDatabase();
      MigrateResult result =
          Flyway.configure()
              .dataSource(dataSource)
              .locations("classpath:db/migration/core")
              .load()
              .migrate();

      assertThat(result.success).isTrue();
      assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(3);
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      List<String> tables =
          jdbc.queryForList(
              "select table_name from information_schema.tables where table_schema = 'public'",
              String.class);
      assertThat(tables)
          .contains(
              "organisation",
              "unit",
              "handler_appointment",
              "coordinator_appointment",
              "category",
              "deviation",
              "deviation_event",
              "patient_access_log",
              "case_number_counter",
              "int_lock");
      assertThat(jdbc.queryForObject("select count(*) from category", Integer.class)).isEqualTo(11);

      jdbc.execute("set enable_seqscan = off");
      String plan =
          String.join(
              "\n",
              jdbc.queryForList(
                  "explain select * from deviation where receiving_unit_hsa_id = 'X' "
                      + "order by submitted_at desc limit 20",
                  String.class));
      assertThat(plan).contains("deviation_receiving_unit_idx");
    }
  }
}
