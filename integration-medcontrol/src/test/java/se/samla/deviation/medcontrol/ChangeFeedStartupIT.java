package se.samla.deviation.medcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.medcontrol.routes.MedControlRoutes;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;

/**
 * The only instance becomes leader while the application starts, before Camel has started; its
 * change-feed route must still run (it once stayed stopped: Camel's start honoured the route's
 * autoStartup(false) after the leader had asked for it).
 */
@MedControlIntegrationTest
class ChangeFeedStartupIT {

  @Autowired CamelContext camel;

  MedControlSimulator sim = SimulatorInitializer.simulator();

  @Test
  void theLeaderPollsTheChangeFeedAfterStartup() {
    await("change-feed route started")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                camel.getRouteController().getRouteStatus(MedControlRoutes.CHANGE_FEED_ROUTE)
                    == ServiceStatus.Started);
    int polls = sim.requestCount("GET", "/api/v1/changes");
    await("the change feed polled")
        .atMost(Duration.ofSeconds(10))
        .until(() -> sim.requestCount("GET", "/api/v1/changes") > polls);
    assertThat(sim.requestCount("GET", "/api/v1/changes")).isGreaterThan(polls);
  }
}
