package se.samla.deviation.ops.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs every variant of {@link RegistrationBenchmark} (with and without a patient, 1 and 4 threads;
 * throughput in registrations per second, sample time in milliseconds for the percentiles) and
 * prints one summary table. About four and a half minutes on two cores.
 */
public final class RegistrationBenchmarkRunner {

  private static final int[] THREADS = {1, 4};

  private RegistrationBenchmarkRunner() {}

  public static void main(String[] args) throws RunnerException {
    List<RunResult> results = new ArrayList<>();
    for (int threads : THREADS) {
      results.addAll(run(threads, Mode.Throughput, TimeUnit.SECONDS));
      results.addAll(run(threads, Mode.SampleTime, TimeUnit.MILLISECONDS));
    }
    System.out.println();
    System.out.println("| benchmark | threads | registrations/s | p50 ms | p99 ms | p99.9 ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (int threads : THREADS) {
      for (String benchmark : List.of("registerWithoutPatient", "registerWithPatient")) {
        RunResult throughput = find(results, benchmark, threads, Mode.Throughput);
        Statistics latency =
            find(results, benchmark, threads, Mode.SampleTime).getPrimaryResult().getStatistics();
        System.out.printf(
            "| %s | %d | %.0f ± %.0f | %.2f | %.2f | %.2f |%n",
            benchmark,
            threads,
            throughput.getPrimaryResult().getScore(),
            throughput.getPrimaryResult().getScoreError(),
            latency.getPercentile(50),
            latency.getPercentile(99),
            latency.getPercentile(99.9));
      }
    }
  }

  private static Collection<RunResult> run(int threads, Mode mode, TimeUnit unit)
      throws RunnerException {
    return new Runner(
            new OptionsBuilder()
                .include(RegistrationBenchmark.class.getName() + "\\.")
                .threads(threads)
                .mode(mode)
                .timeUnit(unit)
                .build())
        .run();
  }

  private static RunResult find(List<RunResult> results, String benchmark, int threads, Mode mode) {
    return results.stream()
        .filter(
            r -> {
              BenchmarkParams params = r.getParams();
              return params.getBenchmark().endsWith("." + benchmark)
                  && params.getThreads() == threads
                  && params.getMode() == mode;
            })
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no result for " + benchmark));
  }
}
