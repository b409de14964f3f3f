package se.samla.deviation.medcontrol.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CasePatchTest extends SimulatorTest {

  String id;

  @BeforeEach
  void aCase() throws Exception {
    sim.freezeAt(Instant.parse("2026-06-01T12:00:00Z"));
    id = client.create(ApiClient.newKey(), ApiClient.caseCreate()).json().get("id").asText();
    sim.advance(Duration.ofMinutes(1));
  }

  @Test
  void appliesOnlyThePresentFieldsAndBumpsTheVersion() throws Exception {
    ObjectNode update = ApiClient.MAPPER.createObjectNode().put("status", "WITHDRAWN");
    update.putObject("handler").put("hsaId", "SE2321000016-H1").put("name", "Hanna");

    var response = client.patch(id, "\"1\"", ApiClient.newKey(), update);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"2\"");
    var json = response.json();
    assertThat(json.get("version").asInt()).isEqualTo(2);
    assertThat(json.get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(json.get("handler").get("name").asText()).isEqualTo("Hanna");
    assertThat(json.get("receivingUnitHsaId").asText()).isEqualTo("SE2321000016-B002");
    assertThat(json.get("modifiedAt").asText()).isEqualTo("2026-06-01T12:01:00Z");
    assertThat(json.get("createdAt").asText()).isEqualTo("2026-06-01T12:00:00Z");
  }

  @Test
  void aStaleIfMatchIsAPreconditionFailure() throws Exception {
    client.patch(id, "\"1\"", ApiClient.newKey(), status("IN_PROGRESS"));

    var response = client.patch(id, "\"1\"", ApiClient.newKey(), status("CLOSED"));

    assertThat(response.status()).isEqualTo(412);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(sim.caseById(id).orElseThrow().status()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void ifMatchAndIdempotencyKeyAreRequired() throws Exception {
    assertThat(client.patch(id, null, ApiClient.newKey(), status("CLOSED")).status())
        .isEqualTo(400);
    assertThat(client.patch(id, "\"1\"", null, status("CLOSED")).status()).isEqualTo(400);
    assertThat(client.patch(id, "1", ApiClient.newKey(), status("CLOSED")).status()).isEqualTo(400);
    assertThat(sim.caseById(id).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void aReplayedKeyGivesTheFirstResultWithoutASecondChange() throws Exception {
    String key = ApiClient.newKey();
    var first = client.patch(id, "\"1\"", key, status("IN_PROGRESS"));
    sim.remote().update(id, c -> c.status("WAITING_FOR_INFORMATION"));

    var replay = client.patch(id, "\"1\"", key, status("IN_PROGRESS"));

    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json()).isEqualTo(first.json());
    assertThat(replay.header("ETag")).isEqualTo("\"2\"");
    var now = sim.caseById(id).orElseThrow();
    assertThat(now.version()).isEqualTo(3);
    assertThat(now.status()).isEqualTo("WAITING_FOR_INFORMATION");
  }

  @Test
  void aReplayedKeyWithAnotherBodyIsUnprocessable() throws Exception {
    String key = ApiClient.newKey();
    client.patch(id, "\"1\"", key, status("IN_PROGRESS"));

    assertThat(client.patch(id, "\"1\"", key, status("CLOSED")).status()).isEqualTo(422);
  }

  @Test
  void anUnknownStatusIsUnprocessable() throws Exception {
    assertThat(client.patch(id, "\"1\"", ApiClient.newKey(), status("DONE")).status())
        .isEqualTo(422);
    assertThat(sim.caseById(id).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void answerClosureAndCommentAreKept() throws Exception {
    ObjectNode update = ApiClient.MAPPER.createObjectNode().put("status", "CLOSED");
    update
        .putObject("answer")
        .put("investigation", "Utredd")
        .put("causes", "Rutin saknades")
        .put("measures", "Ny rutin")
        .put("answeredAt", "2026-06-01T14:00:00+02:00");
    update.put("closedAt", "2026-06-01T12:30:00Z").put("comment", "Stängd efter svar");

    client.patch(id, "\"1\"", ApiClient.newKey(), update);

    var c = sim.caseById(id).orElseThrow();
    assertThat(c.answer().causes()).isEqualTo("Rutin saknades");
    assertThat(c.answer().answeredAt()).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
    assertThat(c.closedAt()).isEqualTo(Instant.parse("2026-06-01T12:30:00Z"));
    assertThat(c.comments()).containsExactly("Stängd efter svar");
    assertThat(c.json().has("comment")).isFalse();
  }

  @Test
  void aRiskAssessmentSetsBothLevelsAndShowsInTheFeed() throws Exception {
    ObjectNode update =
        ApiClient.MAPPER.createObjectNode().put("consequence", 4).put("probability", 1);

    var response = client.patch(id, "\"1\"", ApiClient.newKey(), update);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("consequence").asInt()).isEqualTo(4);
    assertThat(response.json().get("probability").asInt()).isEqualTo(1);
    var c = sim.caseById(id).orElseThrow();
    assertThat(c.version()).isEqualTo(2);
    assertThat(c.consequence()).isEqualTo(4);
    assertThat(c.probability()).isEqualTo(1);
    var feed = client.get("/api/v1/changes").json().get("items");
    assertThat(feed).isNotEmpty();
    var last = feed.get(feed.size() - 1);
    assertThat(last.get("id").asText()).isEqualTo(id);
    assertThat(last.get("version").asInt()).isEqualTo(2);
    assertThat(last.get("consequence").asInt()).isEqualTo(4);
    assertThat(last.get("probability").asInt()).isEqualTo(1);
  }

  @Test
  void halfARiskOrALevelOutOfRangeIsUnprocessable() throws Exception {
    for (ObjectNode bad :
        java.util.List.of(
            ApiClient.MAPPER.createObjectNode().put("consequence", 2),
            ApiClient.MAPPER.createObjectNode().put("consequence", 5).put("probability", 2),
            ApiClient.MAPPER.createObjectNode().put("consequence", 2).put("probability", 0),
            ApiClient.MAPPER.createObjectNode().put("consequence", "2").put("probability", 2))) {
      assertThat(client.patch(id, "\"1\"", ApiClient.newKey(), bad).status())
          .as(bad.toString())
          .isEqualTo(422);
    }
    assertThat(sim.caseById(id).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void anUnknownCaseIsNotFound() throws Exception {
    assertThat(
            client.patch("MC-2026-999999", "\"1\"", ApiClient.newKey(), status("CLOSED")).status())
        .isEqualTo(404);
  }

  private static ObjectNode status(String status) {
    return ApiClient.MAPPER.createObjectNode().put("status", status);
  }
}
