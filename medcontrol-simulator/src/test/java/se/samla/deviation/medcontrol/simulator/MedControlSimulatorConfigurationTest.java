package se.samla.deviation.medcontrol.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MedControlSimulatorConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MedControlSimulatorConfiguration.class));

  @Test
  void startsNothingUnlessEnabled() {
    runner.run(context -> assertThat(context).doesNotHaveBean(MedControlSimulator.class));
  }

  @Test
  void startsTheSimulatorWithTheAdaptersCredentials() {
    runner
        .withPropertyValues(
            "medcontrol.simulator.enabled=true",
            "medcontrol.simulator.port=0",
            "medcontrol.client-id=laptop",
            "medcontrol.client-secret=s3cret")
        .run(
            context -> {
              MedControlSimulator sim = context.getBean(MedControlSimulator.class);
              assertThat(sim.clientId()).isEqualTo("laptop");
              assertThat(sim.clientSecret()).isEqualTo("s3cret");
              assertThat(new ApiClient(sim).tokenRequest("laptop", "s3cret").statusCode())
                  .isEqualTo(200);
            });
  }
}
