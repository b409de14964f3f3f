package se.samla.deviation.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samla.deviation.web.api.Logins.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.audit.infrastructure.PatientAccessLog;
import se.samla.deviation.core.deviation.application.DeviationListQuery;
import se.samla.deviation.core.deviation.application.DeviationQueries;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;

/** The deviation API over HTTP: the workflow, errors, concurrency, patient data and CSRF. */
@ApiIntegrationTest
class DeviationApiIT {

  static final String TOLVAN = TestPatients.TOLVAN_TOLVANSSON;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired MasterData masterData;
  @Autowired DeviationQueries queries;
  @Autowired PatientAccessLog accessLog;

  Actor reporter;

  @BeforeEach
  void landscape() {
    TestCare.install(masterData);
    reporter = Personas.wardNurse();
  }

  static String registration(String patient) {
    return registration(TestCare.HOME_CARE_A, patient);
  }

  static String registration(String receivingUnit, String patient) {
    return """
        {"occurredAt": "2026-11-20T14:30:00+01:00", "discoveredAt": "2026-11-20T16:00:00+01:00",
         "receivingUnitHsaId": "%s", "categoryCode": "INFORMATION_TRANSFER",
         "description": "Patienten skrevs ut utan aktuell läkemedelslista.",
         "immediateActions": "Ringde avdelningen.", "consequence": "MODERATE",
         "probability": "HIGH", %s "possibleLexMaria": false, "possibleLexSarah": false}
        """
        .formatted(
            receivingUnit,
            patient == null
                ? ""
                : "\"patient\": {\"personalIdentityNumber\": \"" + patient + "\"},");
  }

  ResultActions call(MockHttpServletRequestBuilder request, Actor actor, String body)
      throws Exception {
    request.with(as(actor)).with(csrf());
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  JsonNode register(Actor actor, String patient) throws Exception {
    MvcResult result =
        call(post("/api/v1/deviations"), actor, registration(patient))
            .andExpect(status().isCreated())
            .andReturn();
    return json.readTree(result.getResponse().getContentAsString());
  }

  long reportedCount(Actor actor) {
    return queries
        .list(DeviationListQuery.of(DeviationListQuery.View.REPORTED), actor)
        .totalItems();
  }

  @Test
  void runsTheWholeWorkflowToClosed() throws Exception {
    // A unit and handler of its own, so that the inbox holds exactly this test's deviation.
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String unit = "SE9999999002-E" + suffix;
    String handlerId = "SE9999999002-EH" + suffix;
    masterData.saveUnit(TestCare.admin(), unit, "Hemsjukvården E2E", TestCare.KOMMUN_A, true);
    masterData.appointHandler(TestCare.admin(), unit, handlerId, "Ebba Handläggare", null);
    Actor handler =
        new Actor(
            new PersonRef(handlerId, "Ebba Handläggare"),
            unit,
            TestCare.KOMMUN_A,
            Set.of(),
            Set.of(),
            false);
    MvcResult created =
        call(post("/api/v1/deviations"), reporter, registration(unit, TOLVAN))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("SUBMITTED"))
            .andExpect(jsonPath("$.patient.personalIdentityNumber").value(TOLVAN))
            .andExpect(jsonPath("$.occurredAt").value("2026-11-20T14:30:00+01:00"))
            .andExpect(jsonPath("$.reportingUnit.hsaId").value(TestCare.WARD))
            .andExpect(jsonPath("$.receivingUnit.name").value("Hemsjukvården E2E"))
            .andReturn();
    JsonNode deviation = json.readTree(created.getResponse().getContentAsString());
    String id = deviation.path("id").asText();
    assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION))
        .isEqualTo("/api/v1/deviations/" + id);

    call(
            get("/api/v1/deviations").param("view", "inbox").param("status", "SUBMITTED"),
            handler,
            null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].id").value(id))
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(20));

    String base = "/api/v1/deviations/" + id;
    call(post(base + "/assignment"), handler, "{}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ASSIGNED"))
        .andExpect(jsonPath("$.handler.hsaId").value(handlerId));
    call(post(base + "/information-request"), handler, "{\"question\": \"Vilken läkare?\"}")
        .andExpect(jsonPath("$.status").value("INFORMATION_REQUESTED"));
    call(post(base + "/information"), reporter, "{\"answer\": \"Dr. Exempel\"}")
        .andExpect(jsonPath("$.status").value("ASSIGNED"));
    call(
            post(base + "/answer"),
            handler,
            "{\"investigation\": \"Utrett\", \"causes\": \"Rutin\", \"measures\": \"Ny rutin\"}")
        .andExpect(jsonPath("$.status").value("ANSWERED"))
        .andExpect(jsonPath("$.answer.measures").value("Ny rutin"));
    call(post(base + "/acceptance"), reporter, "{}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CLOSED"))
        .andExpect(jsonPath("$.closedAt").isNotEmpty());

    call(get(base + "/events"), reporter, null)
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[*].type")
                .value(
                    org.hamcrest.Matchers.contains(
                        "SUBMITTED",
                        "ASSIGNED",
                        "INFORMATION_REQUESTED",
                        "INFORMATION_SUPPLIED",
                        "ANSWERED",
                        "ACCEPTED")))
        .andExpect(jsonPath("$[0].by.hsaId").value(reporter.hsaId()));

    // A transition the status does not allow any more.
    call(post(base + "/withdrawal"), reporter, "{\"reason\": \"Fel\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void staleIfMatchGives412AndChangesNothing() throws Exception {
    JsonNode d = register(reporter, null);
    String base = "/api/v1/deviations/" + d.path("id").asText();
    long version = d.path("version").asLong();
    Actor handler = Personas.homeCareHandlerA();

    call(
            post(base + "/assignment").header(HttpHeaders.IF_MATCH, "\"" + (version + 5) + "\""),
            handler,
            "{}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.status").value(412));
    call(get(base), reporter, null).andExpect(jsonPath("$.status").value("SUBMITTED"));

    call(
            post(base + "/assignment").header(HttpHeaders.IF_MATCH, "\"" + version + "\""),
            handler,
            "{}")
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"" + (version + 1) + "\""));
  }

  @Test
  void masksNothingForThoseWhoMaySeeAndWritesTheAccessLogOnRead() throws Exception {
    JsonNode d = register(reporter, TOLVAN);
    UUID id = UUID.fromString(d.path("id").asText());
    int before = accessLog.findByDeviationIdOrderByAccessedAt(id).size();

    call(get("/api/v1/deviations/" + id), Personas.coordinatorA(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.patient.personalIdentityNumber").value(TOLVAN))
        .andExpect(jsonPath("$.patient.masked").value(false));

    var entries = accessLog.findByDeviationIdOrderByAccessedAt(id);
    assertThat(entries).hasSize(before + 1);
    assertThat(entries.get(entries.size() - 1).actorHsaId())
        .isEqualTo(TestCare.KOMMUN_A_COORDINATOR);
  }

  @Test
  void listsCarryNoPatientData() throws Exception {
    register(reporter, TOLVAN);
    String body =
        call(get("/api/v1/deviations").param("view", "reported"), reporter, null)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.totalItems").value(1))
            .andExpect(jsonPath("$.items[0].hasPatient").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).doesNotContain("19121212").doesNotContain("121212");
  }

  @Test
  void keepsMarkupInTextFieldsAsData() throws Exception {
    String markup = "<script>alert('x')</script> & <b>fet</b> text som är lång nog";
    String body =
        registration(null)
            .replace(
                "Patienten skrevs ut utan aktuell läkemedelslista.",
                markup.replace("'", "\\u0027"));
    MvcResult result =
        call(post("/api/v1/deviations"), reporter, body)
            .andExpect(status().isCreated())
            .andReturn();
    String id = json.readTree(result.getResponse().getContentAsString()).path("id").asText();

    call(get("/api/v1/deviations/" + id), reporter, null)
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.description").value(markup));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"occurredAt\": ", // malformed JSON
        "{\"occurredAt\": \"igår\"}", // wrong type
        "{\"consequence\": \"HUGE\"}", // not an enum value
        "{\"possibleLexMaria\": \"kanske\"}", // not a boolean
        "[1, 2, 3]"
      })
  void refusesUnreadableBodiesWith400(String body) throws Exception {
    call(post("/api/v1/deviations"), reporter, body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").isNotEmpty())
        .andExpect(jsonPath("$.title").value("Bad Request"))
        .andExpect(jsonPath("$.detail").isNotEmpty())
        .andExpect(jsonPath("$.trace").doesNotExist());
    assertThat(reportedCount(reporter)).isZero();
  }

  @Test
  void namesTheFieldOfAWrongType() throws Exception {
    call(
            post("/api/v1/deviations"),
            reporter,
            registration(null).replace("\"MODERATE\"", "\"HUGE\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("consequence"));
  }

  @Test
  void refusesAnInvalidPersonnummerWithoutEchoingIt() throws Exception {
    String invalid = "19121212-1213";
    String body =
        call(post("/api/v1/deviations"), reporter, registration(invalid))
            .andExpect(status().isUnprocessableEntity())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("patient.personalIdentityNumber"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).doesNotContain(invalid).doesNotContain("19121212").doesNotContain("1213");
    assertThat(reportedCount(reporter)).isZero();
  }

  @Test
  void neverEchoesAValidPersonnummerInAnError() throws Exception {
    String body =
        call(
                post("/api/v1/deviations"),
                reporter,
                registration(TOLVAN).replace("INFORMATION_TRANSFER", "NO_SUCH_CATEGORY"))
            .andExpect(status().isUnprocessableEntity())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).doesNotContain("19121212").doesNotContain("1212-1212");
    assertThat(reportedCount(reporter)).isZero();
  }

  @Test
  void refusesUnknownUnitAndCategoryWith422() throws Exception {
    call(
            post("/api/v1/deviations"),
            reporter,
            registration(null)
                .replace(TestCare.HOME_CARE_A, "SE9999999009-U99")
                .replace("INFORMATION_TRANSFER", "NO_SUCH_CATEGORY"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.title").value("Unprocessable Entity"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(org.hamcrest.Matchers.hasItems("receivingUnitHsaId", "categoryCode")));
    assertThat(reportedCount(reporter)).isZero();
  }

  @Test
  void refusesOversizedTextWith422AndOversizedBodiesWith413() throws Exception {
    String tooLong = "x".repeat(8001);
    call(
            post("/api/v1/deviations"),
            reporter,
            registration(null)
                .replace("Patienten skrevs ut utan aktuell läkemedelslista.", tooLong))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("description"));

    String huge = registration(null).replace("Ringde avdelningen.", "y".repeat(1_100_000));
    call(post("/api/v1/deviations"), reporter, huge)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(reportedCount(reporter)).isZero();
  }

  /**
   * PostgreSQL refuses U+0000 (a 500 once); every control character but tab and line breaks is
   * refused with a 422 naming the field, in any text field, and nothing is stored.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001B", "\\r", "\\u007F", "\\u0085"})
  void refusesControlCharactersWith422NamingTheField(String escaped) throws Exception {
    String[][] fields = {
      {"description", "Patienten skrevs ut utan aktuell läkemedelslista."},
      {"immediateActions", "Ringde avdelningen."},
      {"receivingUnitHsaId", TestCare.HOME_CARE_A},
      {"categoryCode", "INFORMATION_TRANSFER"}
    };
    for (String[] field : fields) {
      String value = field[1];
      String body =
          registration(null).replace("\"" + value + "\"", "\"" + value + escaped + " x\"");
      call(post("/api/v1/deviations"), reporter, body)
          .andExpect(status().isUnprocessableEntity())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(field[0])))
          .andExpect(jsonPath("$.errors[0].code").value("controlCharacter"));
    }
    String withPatient = registration(TOLVAN).replace(TOLVAN + "\"", TOLVAN + escaped + "\"");
    call(post("/api/v1/deviations"), reporter, withPatient)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("patient.personalIdentityNumber"));
    assertThat(reportedCount(reporter)).isZero();
  }

  @Test
  void acceptsTabsAndLineBreaks() throws Exception {
    String body =
        registration(null).replace("Patienten skrevs ut", "Patienten skrevs ut\\r\\n\\tutan\\n");
    MvcResult created =
        call(post("/api/v1/deviations"), reporter, body)
            .andExpect(status().isCreated())
            .andReturn();
    assertThat(
            json.readTree(created.getResponse().getContentAsString()).path("description").asText())
        .contains("\r\n\tutan\n");
  }

  @Test
  void refusesControlCharactersInWorkflowCommandsListsAndMasterData() throws Exception {
    JsonNode created = register(reporter, null);
    String base = "/api/v1/deviations/" + created.path("id").asText();
    call(post(base + "/comments"), reporter, "{\"text\": \"Hej\\u0000 på er\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("text"));
    call(post(base + "/withdrawal"), reporter, "{\"reason\": \"Fel\\u001B[2J\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    call(get(base), reporter, null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andExpect(jsonPath("$.version").value(created.path("version").asLong()));

    call(get("/api/v1/deviations").param("unit", "SE\u0000"), reporter, null)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("unit"));

    call(
            put("/api/v1/admin/organisations/" + TestCare.KOMMUN_A),
            TestCare.admin(),
            "{\"name\": \"Kommun\\u0000 A\", \"kind\": \"MUNICIPALITY\"}")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
  }

  @Test
  void unknownOrInvisibleDeviationsAre404() throws Exception {
    call(get("/api/v1/deviations/" + UUID.randomUUID()), reporter, null)
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
    call(get("/api/v1/deviations/not-a-uuid"), reporter, null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void refusesBadListParameters() throws Exception {
    call(get("/api/v1/deviations").param("view", "everything"), reporter, null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("view"));
    call(get("/api/v1/deviations").param("size", "201"), reporter, null)
        .andExpect(status().isUnprocessableEntity());
    call(get("/api/v1/deviations").param("from", "2026-13-45"), reporter, null)
        .andExpect(status().isBadRequest());
    call(
            get("/api/v1/deviations")
                .param("view", "organisation")
                .param("sort", "answerDueAt,asc")
                .param("overdue", "true"),
            Personas.coordinatorA(),
            null)
        .andExpect(status().isOk());
  }

  @Test
  void stateChangesWithoutTheCsrfTokenAre403() throws Exception {
    mvc.perform(
            post("/api/v1/deviations")
                .with(as(reporter))
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration(null)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/v1/deviations")
                .with(as(reporter))
                .with(csrf().useInvalidToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration(null)))
        .andExpect(status().isForbidden());
    assertThat(reportedCount(reporter)).isZero();
  }

  /**
   * The browser round trip: a read sets the readable XSRF-TOKEN cookie, and a write that copies it
   * into X-XSRF-TOKEN passes. (Other tests' {@code csrf()} swaps the filter's token repository for
   * a test one, so this test puts the production repository back first.)
   */
  @Test
  void aScriptCopiesTheXsrfCookieIntoTheHeader() throws Exception {
    org.springframework.test.web.servlet.request.RequestPostProcessor productionRepository =
        request -> {
          org.springframework.security.test.web.support.WebTestUtils.setCsrfTokenRepository(
              request,
              org.springframework.security.web.csrf.CookieCsrfTokenRepository.withHttpOnlyFalse());
          return request;
        };
    jakarta.servlet.http.Cookie cookie =
        mvc.perform(get("/api/v1/me").with(as(reporter)).with(productionRepository))
            .andExpect(status().isOk())
            .andExpect(cookie().exists("XSRF-TOKEN"))
            .andExpect(cookie().httpOnly("XSRF-TOKEN", false))
            .andReturn()
            .getResponse()
            .getCookie("XSRF-TOKEN");

    mvc.perform(
            post("/api/v1/deviations")
                .with(as(reporter))
                .with(productionRepository)
                .cookie(cookie)
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration(null)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/deviations")
                .with(as(reporter))
                .with(productionRepository)
                .cookie(cookie)
                .header("X-XSRF-TOKEN", cookie.getValue())
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration(null)))
        .andExpect(status().isCreated());
  }

  @Test
  void withoutASessionTheApiAnswers401JsonNotARedirect() throws Exception {
    mvc.perform(get("/api/v1/deviations").accept(MediaType.TEXT_HTML))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist(HttpHeaders.LOCATION))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/v1/deviations")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration(null)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void describesMe() throws Exception {
    call(get("/api/v1/me"), Personas.homeCareHandlerA(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.hsaId").value(TestCare.HOME_CARE_A_HANDLER))
        .andExpect(jsonPath("$.unit.hsaId").value(TestCare.HOME_CARE_A))
        .andExpect(
            jsonPath("$.roles")
                .value(org.hamcrest.Matchers.containsInAnyOrder("REPORTER", "HANDLER")))
        .andExpect(jsonPath("$.handlerUnits[0]").value(TestCare.HOME_CARE_A))
        .andExpect(jsonPath("$.levelOfAssurance").value(Logins.LOA3));
  }

  @Test
  void listsUnitsAndCategoriesInTheRequestedLanguage() throws Exception {
    call(get("/api/v1/units").param("organisation", TestCare.KOMMUN_A), reporter, null)
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[*].hsaId").value(org.hamcrest.Matchers.hasItem(TestCare.HOME_CARE_A)))
        .andExpect(jsonPath("$[0].organisation.kind").value("MUNICIPALITY"));
    String sv =
        call(get("/api/v1/categories"), reporter, null)
            .andExpect(status().isOk())
            .andExpect(
                jsonPath("$[?(@.code == 'INFORMATION_TRANSFER')].label")
                    .value("Informationsöverföring"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String en =
        call(get("/api/v1/categories").header(HttpHeaders.ACCEPT_LANGUAGE, "en"), reporter, null)
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(en).isNotEqualTo(sv);
  }

  @Test
  void showsAnEscapedStartPage() throws Exception {
    Actor odd =
        new Actor(
            new se.samla.deviation.core.access.domain.PersonRef(
                "SE9999999001-X1", "<b>Eva</b> & Co"),
            TestCare.WARD,
            TestCare.REGION,
            java.util.Set.of(),
            java.util.Set.of(),
            false);
    String page =
        mvc.perform(get("/").with(as(odd)).accept(MediaType.TEXT_HTML))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("&lt;b&gt;Eva&lt;/b&gt; &amp; Co")
        .doesNotContain("<b>Eva")
        .contains("Rapportera avvikelser")
        .contains("/v3/api-docs");
  }

  @Test
  void publishesTheOpenApiDocument() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/deviations']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/deviations/{id}/acceptance']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/admin/import']").exists())
        .andExpect(
            jsonPath("$.paths['/api/v1/deviations'].get.parameters[?(@.name == 'actor')]")
                .isEmpty())
        // The expected version is the If-Match header, not a query parameter.
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/deviations/{id}/acceptance'].post.parameters[?(@.name =="
                        + " 'If-Match' && @.in == 'header')]")
                .isNotEmpty())
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/deviations/{id}/acceptance'].post.parameters[?(@.name =="
                        + " 'expected' || @.name == 'value')]")
                .isEmpty());
  }
}
