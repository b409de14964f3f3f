package se.samla.deviation.medcontrol.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlApiTest extends SimulatorTest {

  @Test
  void aPersonCanRegisterHandleAndAnswerACase() throws Exception {
    var created =
        client.control(
            "POST",
            "/__control/cases",
            "{\"reportingUnitHsaId\":\"SE-A\",\"receivingUnitHsaId\":\"SE-B\",\"category\":\"SAM-02\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("sourceReference").isNull()).isTrue();

    client.control(
        "POST", "/__control/cases/" + id + "/handler", "{\"hsaId\":\"SE-H\",\"name\":\"H\"}");
    client.control("POST", "/__control/cases/" + id + "/status", "{\"status\":\"IN_PROGRESS\"}");
    var answered =
        client.control(
            "POST",
            "/__control/cases/" + id + "/answer",
            "{\"investigation\":\"i\",\"causes\":\"c\",\"measures\":\"m\"}");

    assertThat(answered.status()).isEqualTo(200);
    var c = sim.caseById(id).orElseThrow();
    assertThat(c.version()).isEqualTo(4);
    assertThat(c.status()).isEqualTo("ANSWERED");
    assertThat(c.handler().hsaId()).isEqualTo("SE-H");
    assertThat(c.answer().measures()).isEqualTo("m");
    assertThat(c.createdRemotely()).isTrue();
    assertThat(client.control("GET", "/__control/cases", null).json()).hasSize(1);
  }

  @Test
  void invalidChangesAreRefused() throws Exception {
    String id = sim.remote().createCase("SE-A", "SE-B").id();

    assertThat(client.control("PATCH", "/__control/cases/" + id, "{\"status\":\"NOPE\"}").status())
        .isEqualTo(422);
    assertThat(client.control("GET", "/__control/cases/MC-0-1", null).status()).isEqualTo(404);
    assertThat(client.control("POST", "/__control/cases", "{\"category\":\"SAM-77\"}").status())
        .isEqualTo(422);
  }

  @Test
  void faultsCanBeInjectedAndCleared() throws Exception {
    client.control(
        "POST",
        "/__control/faults",
        "{\"kind\":\"status\",\"status\":429,\"retryAfterSeconds\":3}");
    assertThat(client.control("GET", "/__control/faults", null).json().get("pending").asInt())
        .isEqualTo(1);

    var limited = client.get("/api/v1/changes");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("3");

    client.control("POST", "/__control/faults/down", "{\"down\":true}");
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(503);
    client.control("DELETE", "/__control/faults", null);
    assertThat(client.get("/api/v1/changes").status()).isEqualTo(200);
    assertThat(
            client
                .control("GET", "/__control/requests", null)
                .json()
                .get("GET /api/v1/changes")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void listsItsEndpoints() throws Exception {
    var help = client.control("GET", "/__control", null);

    assertThat(help.status()).isEqualTo(200);
    assertThat(help.json().has("POST /__control/faults")).isTrue();
  }
}
