package se.samla.deviation.medcontrol.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The simulator's tests: one simulator per test class on a free port, reset before every test
 * (before the subclass's own {@code @BeforeEach}), with a fresh client for it.
 */
abstract class SimulatorTest {

  static MedControlSimulator sim;
  ApiClient client;

  @BeforeAll
  static void startSimulator() {
    sim = MedControlSimulator.start();
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void resetSimulator() {
    sim.reset();
    client = new ApiClient(sim);
  }
}
