package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;
import se.samla.deviation.medcontrol.simulator.MedControlCase;

/** The operator's pause switch, shared by all instances through the database. */
@MedControlIntegrationTest
class OperatorIT extends SyncTestSupport {

  static final String OPERATOR = "SE9999999001-A0001";

  /**
   * Defence: the paused flag checked by OutboxRelay.claim and ChangeFeedPoller.pollOnce, which the
   * routes call every round. While paused both are called here directly (proving they ran) and do
   * nothing; the background routes keep running too.
   */
  @Test
  void pauseStopsBothDirectionsAndResumeRestartsThem() {
    UUID id;
    MedControlCase remote;
    admin.pause(OPERATOR);
    try {
      assertThat(admin.overview().paused()).isTrue();
      id = registerHere();
      remote = remoteCaseForUs();
      int feedRequests = sim.requestCount("GET", "/api/v1/changes");

      assertThat(relay.claim()).isEmpty();
      assertThat(poller.pollOnce()).isZero();

      assertThat(ledger.latestState(id)).isEqualTo("PENDING");
      assertThat(ledger.deviationOfCase(remote.id())).isNull();
      assertThat(sim.caseBySourceReference(id.toString())).isEmpty();
      assertThat(sim.requestCount("GET", "/api/v1/changes")).isEqualTo(feedRequests);
    } finally {
      admin.resume(OPERATOR);
    }

    assertThat(admin.overview().paused()).isFalse();
    await("sent after resume").atMost(WITHIN).until(() -> ledger.sent(id));
    imported(remote.id());
    assertThat(sim.caseBySourceReference(id.toString())).isPresent();
  }
}
