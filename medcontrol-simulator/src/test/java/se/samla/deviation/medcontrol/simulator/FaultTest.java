package se.samla.deviation.medcontrol.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultTest extends SimulatorTest {

  @BeforeEach
  void aToken() throws Exception {
    client.token();
  }

  @Test
  void aResetBeforeProcessingCreatesNothing() throws Exception {
    sim.faults().resetNext(1, false);
    ObjectNode body = ApiClient.caseCreate();

    assertThatThrownBy(() -> client.create(ApiClient.newKey(), body))
        .isInstanceOf(IOException.class);
    assertThat(sim.cases()).isEmpty();
    assertThat(sim.requestCount("POST", "/api/v1/cases")).isEqualTo(1);
  }

  @Test
  void aResetAfterProcessingLeavesTheCaseCreated() throws Exception {
    sim.faults().resetNext(1, true);
    ObjectNode body = ApiClient.caseCreate();
    String key = ApiClient.newKey();

    assertThatThrownBy(() -> client.create(key, body)).isInstanceOf(IOException.class);

    String ref = body.get("sourceReference").asText();
    assertThat(sim.caseBySourceReference(ref)).isPresent();
    assertThat(client.get("/api/v1/cases?sourceReference=" + ref).json().get("items")).hasSize(1);
    assertThat(client.create(key, body).status()).isEqualTo(200);
    assertThat(sim.successfulCreates()).isEqualTo(1);
    assertThat(sim.createsWithKey(key)).isEqualTo(2);
  }

  @Test
  void anEmptyResponseIsAnIoError() {
    sim.faults().emptyNext(1, false);

    assertThatThrownBy(() -> client.create(ApiClient.newKey(), ApiClient.caseCreate()))
        .isInstanceOf(IOException.class);
    assertThat(sim.cases()).isEmpty();
  }

  @Test
  void theJdkClientRetriesAGetOnceAfterAnEmptyResponse() throws Exception {
    // Worth knowing for the adapter: java.net.http silently resends an idempotent request once.
    sim.faults().emptyNext(1, false);

    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
    assertThat(sim.requestCount("GET", "/api/v1/changes")).isEqualTo(2);
  }

  @Test
  void garbledDataIsAnIoError() {
    sim.faults().garbleNext(1, false);

    assertThatThrownBy(() -> client.get("/api/v1/changes")).isInstanceOf(IOException.class);
  }

  @Test
  void aBrokenChunkAfterProcessingIsAnIoErrorButThePatchApplied() throws Exception {
    String id = client.create(ApiClient.newKey(), ApiClient.caseCreate()).json().get("id").asText();
    sim.faults().chunkBreakNext(1, true);

    assertThatThrownBy(
            () ->
                client.patch(
                    id,
                    "\"1\"",
                    ApiClient.newKey(),
                    ApiClient.MAPPER.createObjectNode().put("status", "IN_PROGRESS")))
        .isInstanceOf(IOException.class);
    assertThat(sim.caseById(id).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aDelayedResponseTimesOutButTheRequestIsProcessed() throws Exception {
    sim.remote().createCase("SE-A", "SE-B");
    sim.faults().onPath("GET", "/api/v1/changes").delayNext(1, Duration.ofMillis(1500));

    assertThatThrownBy(() -> client.get("/api/v1/changes", Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class);
    long start = System.nanoTime();
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
  }

  @Test
  void delayAllSlowsEveryResponse() throws Exception {
    sim.faults().delayAll(Duration.ofMillis(300));
    long start = System.nanoTime();

    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void tooManyRequestsCarriesRetryAfterAndIsNotProcessed() throws Exception {
    sim.faults().failNext(1, 429, 7);

    var response = client.create(ApiClient.newKey(), ApiClient.caseCreate());

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("Retry-After")).isEqualTo("7");
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(sim.cases()).isEmpty();
    assertThat(client.create(ApiClient.newKey(), ApiClient.caseCreate()).status()).isEqualTo(201);
  }

  @Test
  void downAnswers503UntilUpAgainButTokensStillWork() throws Exception {
    sim.faults().down(true);

    var response = client.get("/api/v1/changes");
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.header("Retry-After")).isNull();
    assertThat(client.tokenRequest(sim.clientId(), sim.clientSecret()).statusCode()).isEqualTo(200);

    sim.faults().down(false);
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
  }

  @Test
  void scopedFaultsHitOnlyTheirPath() throws Exception {
    sim.faults().onPath("POST", "/api/v1/cases").failNext(1, 503, 1);

    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
    assertThat(client.get("/api/v1/cases?sourceReference=x").status()).isEqualTo(200);
    assertThat(client.create(ApiClient.newKey(), ApiClient.caseCreate()).status()).isEqualTo(503);
    assertThat(sim.faults().pending()).isZero();
  }

  @Test
  void theTokenEndpointCanFailWhenScopedToIt() throws Exception {
    sim.faults().onPath("POST", "/oauth2/token").failNext(1, 503);

    assertThat(client.tokenRequest(sim.clientId(), sim.clientSecret()).statusCode()).isEqualTo(503);
    assertThat(client.tokenRequest(sim.clientId(), sim.clientSecret()).statusCode()).isEqualTo(200);
  }

  @Test
  void randomErrorsHitAboutTheirShareAndAreRepeatable() throws Exception {
    sim.faults().randomErrorRate(0.5, 42);
    int failures = 0;
    for (int i = 0; i < 40; i++) {
      try {
        if (client.get("/api/v1/changes").status() != 200) {
          failures++;
        }
      } catch (IOException e) {
        failures++;
      }
    }

    assertThat(failures).isBetween(10, 30);
    sim.faults().clear();
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
  }

  @Test
  void queuedFaultsAreConsumedExactlyOnceUnderConcurrency() throws Exception {
    sim.faults().failNext(5, 503);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        ApiClient own = new ApiClient(sim);
        own.token();
        calls.add(() -> own.get("/api/v1/changes").status());
      }
      int failed = 0;
      for (Future<Integer> f : pool.invokeAll(calls)) {
        if (f.get() == 503) {
          failed++;
        }
      }
      assertThat(failed).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }
}
