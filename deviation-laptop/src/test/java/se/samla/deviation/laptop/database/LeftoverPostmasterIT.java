package se.samla.deviation.laptop.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A laptop run killed with SIGKILL (kill -9, the OOM killer, a crashed IDE) leaves its embedded
 * PostgreSQL running, orphaned, on the data directory. The next start on the same directory must
 * stop it and come up healthy, with the data intact.
 */
class LeftoverPostmasterIT {

  @TempDir Path temp;

  private Long leftover;

  @Test
  void aStartAfterTheJvmWasKilledStopsTheLeftoverServerAndKeepsTheData() throws Exception {
    Path dataDirectory = temp.resolve("postgres");
    Path output = temp.resolve("child.log");
    Process child = startChild(dataDirectory, output);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !child.isAlive() || log(output).contains(FirstRun.READY));
    assertThat(log(output)).as("the first run's output").contains(FirstRun.READY);

    child.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
    child.waitFor();
    leftover = postmasterPid(dataDirectory);
    assertThat(ProcessHandle.of(leftover).filter(LeftoverPostmaster::running))
        .as("the killed run's PostgreSQL is still running, orphaned")
        .isPresent();

    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                EmbeddedDatabaseConfiguration.class,
                DataSourceAutoConfiguration.class,
                JdbcTemplateAutoConfiguration.class))
        .withPropertyValues(
            "deviation.embedded-database.enabled=true",
            "deviation.embedded-database.data-directory=" + dataDirectory)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
              assertThat(jdbc.queryForObject("select note from survivor", String.class))
                  .isEqualTo(FirstRun.NOTE);
              assertThat(ProcessHandle.of(leftover).filter(LeftoverPostmaster::running)).isEmpty();
              assertThat(postmasterPid(dataDirectory)).isNotEqualTo(leftover);
            });
  }

  /** Never leave a PostgreSQL behind on the shared machine, even when the test fails. */
  @AfterEach
  void stopWhatIsLeft() {
    if (leftover != null) {
      ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroy);
    }
  }

  private Process startChild(Path dataDirectory, Path output) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            FirstRun.class.getName(),
            dataDirectory.toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  private static String log(Path output) throws IOException {
    return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
  }

  private static long postmasterPid(Path dataDirectory) throws IOException {
    return Long.parseLong(
        Files.readAllLines(dataDirectory.resolve(LeftoverPostmaster.PID_FILE)).get(0).strip());
  }

  /** The first run, in a JVM of its own: starts the database, writes a row, then waits. */
  static final class FirstRun {

    static final String READY = "FIRST RUN READY";
    static final String NOTE = "written before kill -9";

    public static void main(String[] args) throws Exception {
      EmbeddedPostgres postgres =
          EmbeddedDatabaseConfiguration.start(new EmbeddedDatabaseProperties(true, args[0], 0));
      DataSource database = postgres.getPostgresDatabase();
      try (Connection connection = database.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create table survivor (note text not null)");
        statement.execute("insert into survivor values ('" + NOTE + "')");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      System.out.println(READY);
      System.out.flush();
      // Killed long before this; should the test die first, the server still stops.
      Thread.sleep(Duration.ofMinutes(5).toMillis());
      postgres.close();
    }
  }
}
