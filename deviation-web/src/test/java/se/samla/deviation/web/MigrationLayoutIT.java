package se.samla.deviation.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application migrates V1..V8 from the three modules' folders, and a database migrated when
 * every script lay in the one folder {@code db/migration} validates against the new layout.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "deviation.embedded-database.data-directory=",
      "deviation.demo-data.enabled=false",
      "deviation.scheduling.enabled=false"
    })
@ActiveProfiles("dev")
class MigrationLayoutIT {

  /**
   * The checksums of V1..V8 as databases migrated before the split recorded them. Changing a
   * released script changes its checksum, and every existing database would then refuse to start.
   */
  static final Map<String, Integer> RELEASED_CHECKSUMS =
      new TreeMap<>(
          Map.of(
              "1", 425163546,
              "2", -1086991616,
              "3", 1985689952,
              "4", 1277685787,
              "5", -439243606,
              "6", 72709578,
              "7", 1543005988,
              "8", 2136057589));

  @Autowired Flyway flyway;

  @Test
  void appliesEveryModulesMigrationsFromItsOwnFolder() {
    Map<String, String> folderByVersion = new LinkedHashMap<>();
    for (MigrationInfo migration : flyway.info().applied()) {
      String location = migration.getPhysicalLocation();
      String folder =
          location.substring(location.indexOf("db/migration/"), location.lastIndexOf('/'));
      folderByVersion.put(migration.getVersion().getVersion(), folder);
    }

    assertThat(folderByVersion.values())
        .allMatch(folder -> folder.matches("db/migration/(core|web|medcontrol)"));
    assertThat(folderByVersion)
        .containsAllEntriesOf(
            Map.ofEntries(
                Map.entry("1", "db/migration/core"),
                Map.entry("2", "db/migration/core"),
                Map.entry("3", "db/migration/core"),
                Map.entry("4", "db/migration/web"),
                Map.entry("5", "db/migration/web"),
                Map.entry("6", "db/migration/web"),
                Map.entry("7", "db/migration/core"),
                Map.entry("8", "db/migration/medcontrol"),
                Map.entry("9", "db/migration/core")));
    assertThat(Arrays.stream(flyway.getConfiguration().getLocations()).map(Location::getDescriptor))
        .containsExactlyInAnyOrder(
            "classpath:db/migration/core",
            "classpath:db/migration/web",
            "classpath:db/migration/medcontrol");
  }

  /** A script left in the old folder would never run: no location includes it any more. */
  @Test
  void noScriptLiesOutsideAModuleFolder() throws Exception {
    assertThat(
            new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql"))
        .as("move it to db/migration/core, web or medcontrol of its module (ADR 0013)")
        .isEmpty();
  }

  @Test
  void aDatabaseMigratedFromTheOldSingleFolderValidates(@TempDir Path oldFolder) throws Exception {
    // The layout before the split: the released scripts V1..V8, byte for byte, in one folder.
    for (Resource script :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:db/migration/*/V*.sql")) {
      String version = script.getFilename().replaceFirst("^V(\\d+)__.*", "$1");
      if (RELEASED_CHECKSUMS.containsKey(version)) {
        try (InputStream in = script.getInputStream()) {
          Files.copy(in, oldFolder.resolve(script.getFilename()));
        }
      }
    }
    assertThat(oldFolder.toFile().list()).hasSize(RELEASED_CHECKSUMS.size());

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource dataSource = postgres.getPostgresDatabase();
      Flyway.configure()
          .dataSource(dataSource)
          .locations("filesystem:" + oldFolder)
          .load()
          .migrate();

      Flyway today =
          Flyway.configure()
              .dataSource(dataSource)
              .locations(flyway.getConfiguration().getLocations())
              // Migrations added since the split are pending on such a database, not wrong.
              .ignoreMigrationPatterns("*:pending")
              .load();
      ValidateResult validation = today.validateWithResult();

      assertThat(validation.validationSuccessful).as(validation.getAllErrorMessages()).isTrue();
      today.migrate();
      Map<String, Integer> checksums = new TreeMap<>();
      new JdbcTemplate(dataSource)
          .query(
              "select version, checksum from flyway_schema_history where version is not null",
              row -> {
                checksums.put(row.getString("version"), row.getInt("checksum"));
              });
      checksums.keySet().retainAll(RELEASED_CHECKSUMS.keySet());
      assertThat(checksums).isEqualTo(RELEASED_CHECKSUMS);
    }
  }
}
