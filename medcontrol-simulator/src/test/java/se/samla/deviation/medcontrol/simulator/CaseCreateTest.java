package se.samla.deviation.medcontrol.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseCreateTest extends SimulatorTest {

  @BeforeEach
  void aFixedTime() {
    sim.freezeAt(Instant.parse("2027-03-04T10:00:00Z"));
  }

  @Test
  void createsACaseWithVersionOneAndAnETag() throws Exception {
    var body = ApiClient.caseCreate();

    var response = client.create(ApiClient.newKey(), body);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("ETag")).isEqualTo("\"1\"");
    var created = response.json();
    assertThat(created.get("id").asText()).matches("MC-2027-[0-9A-Z]{4}-000001");
    assertThat(created.get("version").asInt()).isEqualTo(1);
    assertThat(created.get("status").asText()).isEqualTo("NEW");
    assertThat(created.get("createdAt").asText()).isEqualTo("2027-03-04T10:00:00Z");
    assertThat(created.get("modifiedAt").asText()).isEqualTo("2027-03-04T10:00:00Z");
    assertThat(created.get("occurredAt").asText()).isEqualTo("2026-05-01T06:15:00Z");
    assertThat(created.get("sourceReference").asText())
        .isEqualTo(body.get("sourceReference").asText());
    assertThat(created.get("handler").isNull()).isTrue();
    assertThat(sim.successfulCreates()).isEqualTo(1);
  }

  @Test
  void aCaseWithoutRiskIsCreatedWithNullLevels() throws Exception {
    var body = ApiClient.caseCreate();
    body.remove("consequence");
    body.remove("probability");

    var response = client.create(ApiClient.newKey(), body);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("consequence").isNull()).isTrue();
    assertThat(response.json().get("probability").isNull()).isTrue();
    var stored = sim.caseById(response.json().get("id").asText()).orElseThrow();
    assertThat(stored.consequence()).isNull();
  }

  @Test
  void theSameKeyAndBodyGivesTheSameCaseAgain() throws Exception {
    var body = ApiClient.caseCreate();
    String key = ApiClient.newKey();
    var first = client.create(key, body);
    sim.remote().update(first.json().get("id").asText(), c -> c.status("IN_PROGRESS"));

    var replay = client.create(key, body);

    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(replay.json().get("version").asInt()).isEqualTo(2);
    assertThat(replay.header("ETag")).isEqualTo("\"2\"");
    assertThat(sim.cases()).hasSize(1);
    assertThat(sim.createsWithKey(key)).isEqualTo(2);
    assertThat(sim.successfulCreates()).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsUnprocessable() throws Exception {
    String key = ApiClient.newKey();
    client.create(key, ApiClient.caseCreate());

    var response = client.create(key, ApiClient.caseCreate());

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(sim.cases()).hasSize(1);
  }

  @Test
  void aUsedSourceReferenceUnderANewKeyIsAConflictWithThatCase() throws Exception {
    var body = ApiClient.caseCreate();
    var first = client.create(ApiClient.newKey(), body);

    var response = client.create(ApiClient.newKey(), body);

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(sim.cases()).hasSize(1);
  }

  @Test
  void theIdempotencyKeyIsRequired() throws Exception {
    assertThat(client.create(null, ApiClient.caseCreate()).status()).isEqualTo(400);
    assertThat(sim.cases()).isEmpty();
  }

  @Test
  void invalidBodiesAreUnprocessable() throws Exception {
    var unknownCategory = ApiClient.caseCreate().put("category", "SAM-42");
    var longDescription = ApiClient.caseCreate().put("description", "x".repeat(8001));
    var badConsequence = ApiClient.caseCreate().put("consequence", 5);
    var badProbability = ApiClient.caseCreate().put("probability", 0);
    var missingReporter = ApiClient.caseCreate();
    missingReporter.remove("reporter");
    var unknownField = ApiClient.caseCreate().put("handlerHsaId", "SE1");
    var badPnr = ApiClient.caseCreate().put("patientIdentityNumber", "19121212-1212");

    for (var body :
        java.util.List.of(
            unknownCategory,
            longDescription,
            badConsequence,
            badProbability,
            missingReporter,
            unknownField,
            badPnr)) {
      var response = client.create(ApiClient.newKey(), body);
      assertThat(response.status()).as(body.toString().substring(0, 40)).isEqualTo(422);
      assertThat(response.raw().body()).doesNotContain("19121212");
    }
    assertThat(sim.cases()).isEmpty();
  }

  @Test
  void theKnownCategoriesAreConfigurable() throws Exception {
    try (var custom =
        MedControlSimulator.start(
            MedControlSimulator.Options.defaults().port(0).categories(java.util.Set.of("X-1")))) {
      var customClient = new ApiClient(custom);
      assertThat(customClient.create(ApiClient.newKey(), ApiClient.caseCreate()).status())
          .isEqualTo(422);
      assertThat(
              customClient
                  .create(ApiClient.newKey(), ApiClient.caseCreate().put("category", "X-1"))
                  .status())
          .isEqualTo(201);
    }
  }

  @Test
  void findsCasesBySourceReference() throws Exception {
    var body = ApiClient.caseCreate();
    client.create(ApiClient.newKey(), body);
    String ref = body.get("sourceReference").asText();

    var found = client.get("/api/v1/cases?sourceReference=" + ref);
    var none = client.get("/api/v1/cases?sourceReference=" + java.util.UUID.randomUUID());

    assertThat(found.json().get("items")).hasSize(1);
    assertThat(found.json().get("items").get(0).get("sourceReference").asText()).isEqualTo(ref);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("items")).isEmpty();
    assertThat(sim.caseBySourceReference(ref)).isPresent();
  }

  @Test
  void readsACaseWithItsETagOrAnswersNotFound() throws Exception {
    String id = client.create(ApiClient.newKey(), ApiClient.caseCreate()).json().get("id").asText();

    var found = client.get("/api/v1/cases/" + id);
    var missing = client.get("/api/v1/cases/MC-2027-999999");

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.header("ETag")).isEqualTo("\"1\"");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
  }
}
