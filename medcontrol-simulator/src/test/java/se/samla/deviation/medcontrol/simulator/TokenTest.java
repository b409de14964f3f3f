package se.samla.deviation.medcontrol.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenTest extends SimulatorTest {

  @BeforeEach
  void realTime() {
    sim.setClock(java.time.Clock.systemUTC());
  }

  @Test
  void issuesBearerTokensForTheRightClient() throws Exception {
    var response = client.tokenRequest(sim.clientId(), sim.clientSecret());

    assertThat(response.statusCode()).isEqualTo(200);
    var body = ApiClient.MAPPER.readTree(response.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asInt()).isEqualTo(300);
    assertThat(body.get("access_token").asText()).isNotBlank();
  }

  @Test
  void wrongSecretIsUnauthorized() throws Exception {
    var response = client.tokenRequest(sim.clientId(), "guess");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void apiWithoutTokenIsUnauthorized() throws Exception {
    var response =
        client.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/changes")).GET().build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void unknownTokenIsUnauthorized() throws Exception {
    var response =
        client.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v1/changes"))
                .header("Authorization", "Bearer not-a-token")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void expiredTokensAreRefusedUntilANewOneIsFetched() throws Exception {
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);

    sim.expireAllTokens();
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(401);

    client.forgetToken();
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
  }

  @Test
  void tokensExpireWithTheSimulatorClock() throws Exception {
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);

    sim.advance(Duration.ofSeconds(299));
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
    sim.advance(Duration.ofSeconds(1));
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(401);
  }
}
