package se.samla.deviation.web.medcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static se.samla.deviation.web.api.Logins.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.web.api.ApiIntegrationTest;

/**
 * The laptop run's wiring end to end: the simulator inside the application, the sync pointed at it,
 * and the REST API showing what arrived. A deviation registered through the API reaches MedControl
 * PRO and shows SENT with its case id; an answer given in MedControl PRO and a case registered
 * there arrive here.
 */
@ApiIntegrationTest
class MedControlDevRunIT {

  static final Duration WITHIN = Duration.ofSeconds(30);

  /**
   * The laptop profile's own MedControl settings, with the simulator on a free port (0): the
   * adapter must follow it there (it once kept calling 8089). No base-url is set here.
   */
  @DynamicPropertySource
  static void simulator(DynamicPropertyRegistry registry) {
    registry.add("medcontrol.enabled", () -> "true");
    registry.add("medcontrol.simulator.enabled", () -> "true");
    registry.add("medcontrol.simulator.port", () -> "0");
    registry.add("medcontrol.relay-interval", () -> "200ms");
    registry.add("medcontrol.poll-interval", () -> "300ms");
  }

  @Value("http://localhost:${local.medcontrol.simulator.port}")
  String simulatorUrl;

  @Autowired MockMvc mvc;
  @Autowired MasterData masterData;
  @Autowired ObjectMapper json;
  @Autowired HealthEndpointGroups healthGroups;
  @Autowired HealthContributorRegistry healthContributors;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() {
    TestCare.install(masterData);
  }

  @Test
  void aDeviationSyncsBothWaysThroughTheEmbeddedSimulator() throws Exception {
    Actor reporter = Personas.wardNurse();
    JsonNode created =
        json.readTree(
            mvc.perform(
                    post("/api/v1/deviations")
                        .with(as(reporter))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            """
                            {"occurredAt": "2026-11-20T14:30:00+01:00",
                             "receivingUnitHsaId": "%s", "categoryCode": "INFORMATION_TRANSFER",
                             "description": "Läkemedelslistan saknades vid utskrivningen.",
                             "consequence": "MODERATE", "probability": "HIGH"}
                            """
                                .formatted(TestCare.HOME_CARE_A)))
                .andReturn()
                .getResponse()
                .getContentAsString());
    String id = created.path("id").asText();
    assertThat(created.path("origin").asText()).isEqualTo("SAMVERKAN");

    JsonNode sent =
        awaitDeviation(
            id, reporter, d -> "SENT".equals(d.path("medControl").path("syncState").asText()));
    String caseId = sent.path("medControl").path("caseId").asText();
    assertThat(caseId).startsWith("MC-");
    assertThat(sent.path("medControl").path("lastSyncedAt").isMissingNode()).isFalse();

    control(
        "POST",
        "/__control/cases/" + caseId + "/answer",
        """
        {"investigation": "Utredd i MedControl PRO", "causes": "Rutin saknades",
         "measures": "Ny rutin"}
        """);
    JsonNode answered =
        awaitDeviation(id, reporter, d -> "ANSWERED".equals(d.path("status").asText()));
    assertThat(answered.path("answer").path("investigation").asText())
        .isEqualTo("Utredd i MedControl PRO");

    JsonNode remote =
        json.readTree(
            control(
                "POST",
                "/__control/cases",
                """
                {"reportingUnitHsaId": "%s", "receivingUnitHsaId": "%s", "category": "SAM-01",
                 "description": "Registrerad i MedControl PRO.", "consequence": 1,
                 "probability": 2}
                """
                    .formatted(TestCare.WARD, TestCare.HOME_CARE_A)));
    String remoteId = remote.path("id").asText();
    Actor handler = Personas.homeCareHandlerA();
    JsonNode imported = await(() -> inboxEntryFor(remoteId, handler), d -> !d.isMissingNode());
    assertThat(imported.path("origin").asText()).isEqualTo("MEDCONTROL");
    assertThat(imported.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(imported.path("description").asText()).isEqualTo("Registrerad i MedControl PRO.");
  }

  @Test
  void theMedControlHealthIndicatorIsNeitherLivenessNorReadiness() {
    assertThat(healthContributors.getContributor("medcontrol")).isNotNull();
    assertThat(healthGroups.get("readiness").isMember("medcontrol")).isFalse();
    assertThat(healthGroups.get("liveness").isMember("medcontrol")).isFalse();
    assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
  }

  /** The handler's inbox entry linked to the remote case, or a missing node. */
  private JsonNode inboxEntryFor(String caseId, Actor handler) throws Exception {
    JsonNode page =
        json.readTree(
            mvc.perform(get("/api/v1/deviations?view=inbox&size=100").with(as(handler)))
                .andReturn()
                .getResponse()
                .getContentAsString());
    for (JsonNode item : page.path("items")) {
      JsonNode d = deviation(item.path("id").asText(), handler);
      if (caseId.equals(d.path("medControl").path("caseId").asText())) {
        return d;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private JsonNode deviation(String id, Actor actor) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/v1/deviations/" + id).with(as(actor)))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private JsonNode awaitDeviation(String id, Actor actor, Predicate<JsonNode> condition)
      throws Exception {
    return await(() -> deviation(id, actor), condition);
  }

  private interface Read {
    JsonNode get() throws Exception;
  }

  private static JsonNode await(Read read, Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (true) {
      JsonNode value = read.get();
      if (condition.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WITHIN);
      }
      Thread.sleep(100);
    }
  }

  private String control(String method, String path, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(simulatorUrl + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isBetween(200, 299);
    return response.body();
  }
}
