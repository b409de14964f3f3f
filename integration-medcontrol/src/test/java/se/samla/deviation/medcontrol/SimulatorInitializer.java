package se.samla.deviation.medcontrol;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;

/**
 * One simulator for the whole test JVM, on a free port, and the adapter pointed at it. It is never
 * reset between tests (the sync's links refer to its case ids); tests clear faults instead.
 */
public class SimulatorInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static MedControlSimulator simulator;

  public static synchronized MedControlSimulator simulator() {
    if (simulator == null) {
      simulator = MedControlSimulator.start(MedControlSimulator.Options.defaults().port(0));
      Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    }
    return simulator;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    MedControlSimulator sim = simulator();
    TestPropertyValues.of(
            "medcontrol.base-url=" + sim.baseUrl(),
            "medcontrol.token-url=" + sim.tokenUrl(),
            "medcontrol.client-id=" + sim.clientId(),
            "medcontrol.client-secret=" + sim.clientSecret())
        .applyTo(context);
  }
}
