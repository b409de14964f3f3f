package se.samla.deviation.ops.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The physical-limit reference for {@link RegistrationBenchmark}: the same embedded PostgreSQL,
 * schema and master data, with the registration's inserts done by {@code pgbench} and a custom
 * script, at 1 client and at 4 clients. Prints pgbench's TPS and p50/p99 latency computed from its
 * per-transaction log.
 *
 * <pre>
 * java -cp ops/target/benchmarks.jar se.samla.deviation.ops.benchmark.PgbenchReference \
 *     [--script=ops/benchmark/register-deviation.sql] [--seconds=30] [--pgbench=pgbench] [--wait]
 * </pre>
 *
 * {@code --wait} only starts the database and waits for Enter, for running pgbench or psql by hand.
 */
public final class PgbenchReference {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial");

  /** Clients and pgbench threads (-c, -j) of each run. */
  private static final int[][] RUNS = {{1, 1}, {4, 2}};

  private PgbenchReference() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> options = options(args);
    Path script = Path.of(options.getOrDefault("script", "ops/benchmark/register-deviation.sql"));
    String seconds = options.getOrDefault("seconds", "30");
    String pgbench = options.getOrDefault("pgbench", "pgbench");
    if (!options.containsKey("wait") && !Files.isReadable(script)) {
      throw new IllegalArgumentException("no pgbench script at " + script.toAbsolutePath());
    }
    try (BenchmarkDatabase database = BenchmarkDatabase.start()) {
      if (options.containsKey("wait")) {
        System.out.printf(
            "# pgbench -n -M prepared -f %s -c 4 -j 2 -T %s -h localhost -p %d -U postgres"
                + " postgres%n# Press Enter to stop the database.%n",
            script, seconds, database.port());
        System.in.read();
        return;
      }
      List<String> rows = new ArrayList<>();
      for (int[] run : RUNS) {
        rows.add(run(database, pgbench, script, seconds, run[0], run[1]));
      }
      System.out.println();
      System.out.println("| pgbench | clients | registrations/s | p50 ms | p99 ms | p99.9 ms |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      rows.forEach(System.out::println);
    }
  }

  private static String run(
      BenchmarkDatabase database,
      String pgbench,
      Path script,
      String seconds,
      int clients,
      int threads)
      throws IOException, InterruptedException {
    Path logs = Files.createTempDirectory("pgbench-");
    List<String> command =
        List.of(
            pgbench,
            "-n",
            "-M",
            "prepared",
            "-f",
            script.toString(),
            "-c",
            Integer.toString(clients),
            "-j",
            Integer.toString(threads),
            "-T",
            seconds,
            "-P",
            "10",
            "--log",
            "--log-prefix=" + logs.resolve("pgbench"),
            "-h",
            "localhost",
            "-p",
            Integer.toString(database.port()),
            "-U",
            "postgres",
            "postgres");
    System.out.println("# " + String.join(" ", command));
    BenchmarkDatabase.DatabaseCounters before = database.counters();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    System.out.print(output);
    if (exit != 0) {
      throw new IllegalStateException("pgbench exited with " + exit);
    }
    Matcher tps = TPS.matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("no tps in the pgbench output");
    }
    long[] latencies = latenciesMicros(logs);
    System.out.println(
        "# Database work: "
            + database.counters().minus(before).per(latencies.length, "registration"));
    return "| register-deviation.sql | %d | %.0f | %.2f | %.2f | %.2f |"
        .formatted(
            clients,
            Double.parseDouble(tps.group(1)),
            percentile(latencies, 50) / 1000.0,
            percentile(latencies, 99) / 1000.0,
            percentile(latencies, 99.9) / 1000.0);
  }

  /**
   * The third column of every line of pgbench's per-transaction logs (one file per pgbench thread):
   * {@code client_id transaction_no time_us script_no epoch epoch_us}, sorted.
   */
  private static long[] latenciesMicros(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.toList();
    }
    List<Long> latencies = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        latencies.add(Long.parseLong(line.split(" ")[2]));
      }
      Files.delete(file);
    }
    Files.delete(directory);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
      int eq = arg.indexOf('=');
      options.put(
          eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
    }
    return options;
  }
}
