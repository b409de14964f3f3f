package se.samla.deviation.medcontrol.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

  /** A bean created like the adapter's client, with the port in a placeholder. */
  @Configuration(proxyBeanMethods = false)
  static class AdapterLike {
    @Bean
    URI adapterBaseUrl(@Value("http://localhost:${local.medcontrol.simulator.port}") URI url) {
      return url;
    }
  }

  @Test
  void publishesThePortItActuallyTookSoThatTheAdapterCanFollowIt() {
    int[] port = new int[1];
    runner
        .withPropertyValues("medcontrol.simulator.enabled=true", "medcontrol.simulator.port=0")
        .withUserConfiguration(AdapterLike.class)
        .run(
            context -> {
              MedControlSimulator sim = context.getBean(MedControlSimulator.class);
              port[0] = sim.port();
              assertThat(sim.port()).isPositive();
              assertThat(
                      context
                          .getEnvironment()
                          .getProperty(
                              MedControlSimulatorConfiguration.PORT_PROPERTY, Integer.class))
                  .isEqualTo(sim.port());
              URI adapter = context.getBean("adapterBaseUrl", URI.class);
              assertThat(adapter.getPort()).isEqualTo(sim.port());
              assertThat(
                      new ApiClient(sim)
                          .tokenRequest("samverkan-dev", "dev-only-secret")
                          .statusCode())
                  .isEqualTo(200);
            });
    // Closed with its context: the port is free again.
    assertThatCode(() -> new ServerSocket(port[0], 1, InetAddress.getLoopbackAddress()).close())
        .doesNotThrowAnyException();
  }
}
