package se.samla.deviation.web.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samla.deviation.web.api.Logins.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.medcontrol.application.MedControlRegistration;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.core.medcontrol.application.MedControlWorkflow;
import se.samla.deviation.core.organisation.application.MasterData;

/** {@code POST /api/v1/deviations/{id}/risk-assessment} and how "not assessed" is shown. */
@ApiIntegrationTest
class RiskAssessmentApiIT {

  static final String ASSESSMENT =
      """
      {"consequence": "CATASTROPHIC", "probability": "LOW", "reason": "Fel dos till en skör patient"}
      """;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired MasterData masterData;
  @Autowired MedControlWorkflow medControl;

  Actor reporter;
  Actor handler;

  @BeforeEach
  void landscape() {
    TestCare.install(masterData);
    reporter = Personas.wardNurse();
    handler = Personas.homeCareHandlerA();
  }

  ResultActions call(MockHttpServletRequestBuilder request, Actor actor, String body)
      throws Exception {
    request.with(as(actor)).with(csrf());
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  JsonNode register() throws Exception {
    String body =
        call(post("/api/v1/deviations"), reporter, DeviationApiIT.registration(null))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  @Test
  void theHandlerAssessesWithIfMatchAndBothValuesAreShown() throws Exception {
    JsonNode d = register();
    String base = "/api/v1/deviations/" + d.path("id").asText();
    long version = d.path("version").asLong();

    call(
            post(base + "/risk-assessment").header(HttpHeaders.IF_MATCH, "\"" + version + "\""),
            handler,
            ASSESSMENT)
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"" + (version + 1) + "\""))
        .andExpect(jsonPath("$.riskAssessed").value(true))
        .andExpect(jsonPath("$.consequence").value("CATASTROPHIC"))
        .andExpect(jsonPath("$.probability").value("LOW"))
        .andExpect(jsonPath("$.riskLevel").value("HIGH"))
        .andExpect(jsonPath("$.riskCell").value("K4×S2"))
        .andExpect(jsonPath("$.riskScore").value(8))
        .andExpect(jsonPath("$.reporterEstimate.consequence").value("MODERATE"))
        .andExpect(jsonPath("$.reporterEstimate.cell").value("K2×S3"))
        .andExpect(jsonPath("$.reporterEstimate.level").value("MEDIUM"))
        .andExpect(jsonPath("$.handlerAssessment.cell").value("K4×S2"))
        .andExpect(jsonPath("$.handlerAssessment.assessedBy.hsaId").value(handler.hsaId()))
        .andExpect(jsonPath("$.handlerAssessment.assessedAt").isNotEmpty());

    call(get(base + "/events"), reporter, null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[-1].type").value("RISK_ASSESSED"))
        .andExpect(jsonPath("$[-1].details.fromCell").value("K2×S3"))
        .andExpect(jsonPath("$[-1].details.cell").value("K4×S2"))
        .andExpect(jsonPath("$[-1].details.reason").value("Fel dos till en skör patient"));

    call(
            post(base + "/risk-assessment").header(HttpHeaders.IF_MATCH, "\"" + version + "\""),
            handler,
            ASSESSMENT)
        .andExpect(status().isPreconditionFailed())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void withoutAReasonIs422NamingTheField() throws Exception {
    JsonNode d = register();
    call(
            post("/api/v1/deviations/" + d.path("id").asText() + "/risk-assessment"),
            handler,
            "{\"consequence\": \"MINOR\", \"probability\": \"LOW\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(422))
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    call(get("/api/v1/deviations/" + d.path("id").asText()), reporter, null)
        .andExpect(jsonPath("$.handlerAssessment").doesNotExist());
  }

  @Test
  void theReporterGets403AndAnOutsider404() throws Exception {
    String base = "/api/v1/deviations/" + register().path("id").asText();
    call(post(base + "/risk-assessment"), reporter, ASSESSMENT)
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403));
    call(post(base + "/risk-assessment"), Personas.homeCareHandlerB(), ASSESSMENT)
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void aWithdrawnDeviationIs409() throws Exception {
    String base = "/api/v1/deviations/" + register().path("id").asText();
    call(post(base + "/withdrawal"), reporter, "{\"reason\": \"Dubblett\"}")
        .andExpect(status().isOk());
    call(post(base + "/risk-assessment"), handler, ASSESSMENT)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aCaseFromMedControlWithoutRiskReadsAsNotAssessedUntilAssessed() throws Exception {
    // A unit and handler of its own, so that the inbox holds exactly this case.
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String unit = "SE9999999002-R" + suffix;
    String handlerId = "SE9999999002-RH" + suffix;
    masterData.saveUnit(TestCare.admin(), unit, "Hemsjukvården risk", TestCare.KOMMUN_A, true);
    masterData.appointHandler(TestCare.admin(), unit, handlerId, "Rita Handläggare", null);
    Actor handler =
        new Actor(
            new PersonRef(handlerId, "Rita Handläggare"),
            unit,
            TestCare.KOMMUN_A,
            Set.of(),
            Set.of(),
            false);
    MedControlSnapshot imported =
        medControl.registerFromMedControl(
            new MedControlRegistration(
                "MC-" + UUID.randomUUID(),
                Instant.parse("2026-11-20T13:30:00Z"),
                null,
                TestCare.WARD,
                unit,
                "SAM-04",
                "Fel dos i läkemedelslistan vid utskrivning.",
                null,
                null,
                null,
                null,
                null));
    String base = "/api/v1/deviations/" + imported.deviationId();

    call(get(base), handler, null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.riskAssessed").value(false))
        .andExpect(jsonPath("$.riskLevel").value(org.hamcrest.Matchers.nullValue()))
        .andExpect(jsonPath("$.consequence").value(org.hamcrest.Matchers.nullValue()))
        .andExpect(jsonPath("$.reporterEstimate").value(org.hamcrest.Matchers.nullValue()))
        .andExpect(jsonPath("$.handlerAssessment").value(org.hamcrest.Matchers.nullValue()))
        .andExpect(
            jsonPath("$.allowedActions").value(org.hamcrest.Matchers.hasItem("ASSESS_RISK")));
    call(get("/api/v1/deviations").param("view", "inbox"), handler, null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].id").value(imported.deviationId().toString()))
        .andExpect(jsonPath("$.items[0].riskAssessed").value(false))
        .andExpect(jsonPath("$.items[0].riskLevel").value(org.hamcrest.Matchers.nullValue()));

    call(post(base + "/risk-assessment"), handler, ASSESSMENT)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.riskAssessed").value(true))
        .andExpect(jsonPath("$.riskCell").value("K4×S2"))
        .andExpect(jsonPath("$.reporterEstimate").value(org.hamcrest.Matchers.nullValue()));
  }
}
