package se.samla.deviation.ops.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.deviation.application.DeviationView;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.deviation.application.RegisterDeviationCommand;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.Registrations;
import se.samla.deviation.core.fixtures.TestPatients;

/**
 * Registrations per second and their latency through {@link DeviationWorkflow#register}: the whole
 * application path (validation, master-data look-ups, case number, encryption of the patient,
 * Hibernate, two commits, the view returned to the caller) against a real PostgreSQL 17.
 *
 * <p>Each fork boots its own throw-away database, so every trial starts from empty tables. Run all
 * variants with {@link RegistrationBenchmarkRunner}, or pick with JMH's own options, for example
 * {@code java -jar ops/target/benchmarks.jar RegistrationBenchmark -t 4 -bm sample -tu ms}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 3, time = 4)
public class RegistrationBenchmark {

  /** Test patients of different kinds, so encryption and pseudonyms see different input. */
  private static final String[] PATIENTS = {
    TestPatients.ADULT,
    TestPatients.CHILD,
    TestPatients.LEAP_DAY_2000,
    TestPatients.COORDINATION_NUMBER,
    TestPatients.TOLVAN_TOLVANSSON,
  };

  private BenchmarkDatabase database;
  private DeviationWorkflow workflow;
  private RegisterDeviationCommand withoutPatient;
  private RegisterDeviationCommand[] withPatient;
  private BenchmarkDatabase.DatabaseCounters before;
  private final AtomicLong registrations = new AtomicLong();

  @Setup(Level.Trial)
  public void start() {
    database = BenchmarkDatabase.start();
    workflow = database.bean(DeviationWorkflow.class);
    // A real clock runs the service, so the event lies a little in the past, as it would.
    Instant occurred = Instant.now().minus(Duration.ofHours(3));
    Instant discovered = occurred.plus(Duration.ofMinutes(90));
    withoutPatient =
        Registrations.aDeviation().occurredAt(occurred).discoveredAt(discovered).build();
    withPatient = new RegisterDeviationCommand[PATIENTS.length];
    for (int i = 0; i < PATIENTS.length; i++) {
      withPatient[i] =
          Registrations.aDeviation()
              .occurredAt(occurred)
              .discoveredAt(discovered)
              .patient(PATIENTS[i])
              .build();
    }
  }

  /** Database work and CPU are counted over the measurement iterations only, after warm-up. */
  @Setup(Level.Iteration)
  public void iteration(IterationParams iteration) {
    if (iteration.getType() == IterationType.MEASUREMENT && before == null) {
      before = database.counters();
      registrations.set(0);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    System.out.println(
        "# Measured iterations: "
            + database.counters().minus(before).per(registrations.get(), "registration"));
    database.close();
  }

  /** Each benchmark thread reports as a few nurses of its own, in turn. */
  @State(Scope.Thread)
  public static class Reporters {
    private final Actor[] nurses = new Actor[8];
    private int next;

    @Setup(Level.Trial)
    public void create() {
      for (int i = 0; i < nurses.length; i++) {
        nurses[i] = Personas.wardNurse();
      }
    }

    Actor next() {
      next = (next + 1) % nurses.length;
      return nurses[next];
    }
  }

  @Benchmark
  public DeviationView registerWithoutPatient(Reporters reporters) {
    registrations.incrementAndGet();
    return workflow.register(withoutPatient, reporters.next());
  }

  @Benchmark
  public DeviationView registerWithPatient(Reporters reporters) {
    registrations.incrementAndGet();
    return workflow.register(withPatient[reporters.next % PATIENTS.length], reporters.next());
  }
}
