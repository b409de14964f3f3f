package se.samla.deviation.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static se.samla.deviation.web.api.Logins.as;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.deviation.application.AnswerDeviationCommand;
import se.samla.deviation.core.deviation.application.AssignDeviationCommand;
import se.samla.deviation.core.deviation.application.DeviationView;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.deviation.application.RequestInformationCommand;
import se.samla.deviation.core.deviation.application.ReturnDeviationCommand;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.Registrations;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;

/**
 * Every endpoint × every kind of user, for a deviation reported from the region's ward to
 * municipality A's home care. 404 where the user may not know the deviation exists, 403 where they
 * see it but may not act, 200 (or 201/204) where they may.
 */
@ApiIntegrationTest
class AuthorizationMatrixIT {

  /** The users, by role and relation to the deviation. */
  enum Who {
    REPORTER, // own
    COLLEAGUE_OF_REPORTER, // same unit, not the reporter
    RECEIVING_HANDLER, // handler of the receiving unit (and the assigned handler)
    OTHER_HANDLER_RECEIVING_ORG, // handler of another unit of the receiving organisation
    RECEIVING_COORDINATOR, // coordinator of the receiving organisation
    REPORTING_COORDINATOR, // coordinator of the reporting organisation
    REPORTING_UNIT_HANDLER, // handler of the reporting unit (own organisation, not receiving)
    THIRD_ORG_HANDLER, // another organisation
    THIRD_ORG_COORDINATOR, // another organisation
    ADMIN
  }

  enum State {
    SUBMITTED,
    ASSIGNED,
    INFORMATION_REQUESTED,
    ANSWERED,
    RETURNED
  }

  /** One endpoint: the state it needs, the request, and the expected status per {@link Who}. */
  record Endpoint(String name, State state, Request request, String expected) {}

  interface Request {
    MockHttpServletRequestBuilder build(UUID id);
  }

  static final String SHORT_TERM = TestCare.SHORT_TERM_A;

  //                                                    REP COL RH  OHR RC  PC  PUH 3H  3C  ADM
  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              "read",
              State.SUBMITTED,
              id -> get("/api/v1/deviations/" + id),
              "200 404 200 404 200 200 404 404 404 404"),
          new Endpoint(
              "timeline",
              State.SUBMITTED,
              id -> get("/api/v1/deviations/" + id + "/events"),
              "200 404 200 404 200 200 404 404 404 404"),
          new Endpoint(
              "assignment",
              State.SUBMITTED,
              id ->
                  body(
                      post("/api/v1/deviations/" + id + "/assignment"),
                      "{\"handlerHsaId\": \"" + TestCare.HOME_CARE_A_HANDLER + "\"}"),
              "403 404 200 404 200 403 404 404 404 404"),
          new Endpoint(
              "forwarding",
              State.SUBMITTED,
              id ->
                  body(
                      post("/api/v1/deviations/" + id + "/forwarding"),
                      "{\"receivingUnitHsaId\": \""
                          + SHORT_TERM
                          + "\", \"reason\": \"Fel enhet\"}"),
              "403 404 200 404 200 403 404 404 404 404"),
          new Endpoint(
              "return",
              State.SUBMITTED,
              id -> body(post("/api/v1/deviations/" + id + "/return"), "{\"reason\": \"Oklar\"}"),
              "403 404 200 404 200 403 404 404 404 404"),
          new Endpoint(
              "information-request",
              State.ASSIGNED,
              id ->
                  body(
                      post("/api/v1/deviations/" + id + "/information-request"),
                      "{\"question\": \"Vem?\"}"),
              "403 404 200 404 403 403 404 404 404 404"),
          new Endpoint(
              "information",
              State.INFORMATION_REQUESTED,
              id ->
                  body(post("/api/v1/deviations/" + id + "/information"), "{\"answer\": \"Hon\"}"),
              "200 404 403 404 403 200 404 404 404 404"),
          new Endpoint(
              "answer",
              State.ASSIGNED,
              id ->
                  body(
                      post("/api/v1/deviations/" + id + "/answer"),
                      "{\"investigation\": \"Utrett\", \"measures\": \"Rutin\"}"),
              "403 404 200 404 403 403 404 404 404 404"),
          new Endpoint(
              "acceptance",
              State.ANSWERED,
              id -> body(post("/api/v1/deviations/" + id + "/acceptance"), "{}"),
              "200 404 403 404 403 200 404 404 404 404"),
          new Endpoint(
              "dispute",
              State.ANSWERED,
              id -> body(post("/api/v1/deviations/" + id + "/dispute"), "{\"reason\": \"Nej\"}"),
              "200 404 403 404 403 200 404 404 404 404"),
          new Endpoint(
              "withdrawal",
              State.SUBMITTED,
              id -> body(post("/api/v1/deviations/" + id + "/withdrawal"), "{\"reason\": \"Fel\"}"),
              "200 404 403 404 403 403 404 404 404 404"),
          new Endpoint(
              "resubmission",
              State.RETURNED,
              id ->
                  body(
                      post("/api/v1/deviations/" + id + "/resubmission"),
                      "{\"comment\": \"Igen\"}"),
              "200 404 403 404 403 403 404 404 404 404"),
          new Endpoint(
              "comment",
              State.SUBMITTED,
              id ->
                  body(
                      post("/api/v1/deviations/" + id + "/comments"),
                      "{\"text\": \"En kommentar\", \"visibility\": \"SHARED\"}"),
              "200 404 200 404 200 200 404 404 404 404"),
          new Endpoint(
              "internal comment",
              State.SUBMITTED,
              id ->
                  body(
                      post("/api/v1/deviations/" + id + "/comments"),
                      "{\"text\": \"Internt\", \"visibility\": \"INTERNAL\"}"),
              "403 404 200 404 200 403 404 404 404 404"),
          new Endpoint(
              "list organisations",
              State.SUBMITTED,
              id -> get("/api/v1/admin/organisations"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "list units",
              State.SUBMITTED,
              id -> get("/api/v1/admin/units"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "list handler appointments",
              State.SUBMITTED,
              id -> get("/api/v1/admin/handler-appointments"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "save organisation",
              State.SUBMITTED,
              id ->
                  body(
                      put("/api/v1/admin/organisations/" + TestCare.KOMMUN_B),
                      "{\"name\": \"Testkommun B\", \"kind\": \"MUNICIPALITY\"}"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "save unit",
              State.SUBMITTED,
              id ->
                  body(
                      put("/api/v1/admin/units/" + TestCare.HOME_CARE_B),
                      "{\"name\": \"Hemsjukvården B\", \"organisationHsaId\": \""
                          + TestCare.KOMMUN_B
                          + "\", \"active\": true}"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "appoint handler",
              State.SUBMITTED,
              id ->
                  body(
                      put(
                          "/api/v1/admin/handler-appointments/"
                              + TestCare.HOME_CARE_B
                              + "/SE9999999003-H0009"),
                      "{\"name\": \"Tillfällig Handläggare\"}"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "remove coordinator",
              State.SUBMITTED,
              id ->
                  delete("/api/v1/admin/coordinators/" + TestCare.KOMMUN_B + "/SE9999999003-C0009"),
              "403 403 403 403 403 403 403 403 403 404"),
          new Endpoint(
              "import",
              State.SUBMITTED,
              id ->
                  body(
                      post("/api/v1/admin/import"),
                      "{\"organisations\": [{\"hsaId\": \""
                          + TestCare.KOMMUN_B
                          + "\", \"name\": \"Testkommun B\", \"kind\": \"MUNICIPALITY\"}]}"),
              "403 403 403 403 403 403 403 403 403 200"),
          // The MedControl PRO operator API: administrators only. The real sync is on the runtime
          // classpath (switched off in tests): item 1 and conflict 1 are not DEAD/OPEN, so 409.
          new Endpoint(
              "medcontrol overview",
              State.SUBMITTED,
              id -> get("/api/v1/admin/medcontrol"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "medcontrol outbox",
              State.SUBMITTED,
              id -> get("/api/v1/admin/medcontrol/outbox?state=DEAD&limit=10"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "medcontrol rejected inbound",
              State.SUBMITTED,
              id -> get("/api/v1/admin/medcontrol/inbound/rejected"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "medcontrol conflicts",
              State.SUBMITTED,
              id -> get("/api/v1/admin/medcontrol/conflicts?open=true"),
              "403 403 403 403 403 403 403 403 403 200"),
          new Endpoint(
              "medcontrol replay",
              State.SUBMITTED,
              id -> post("/api/v1/admin/medcontrol/outbox/1/replay"),
              "403 403 403 403 403 403 403 403 403 409"),
          new Endpoint(
              "medcontrol resolve",
              State.SUBMITTED,
              id ->
                  body(
                      post("/api/v1/admin/medcontrol/conflicts/1/resolve"),
                      "{\"keep\": \"LOCAL\"}"),
              "403 403 403 403 403 403 403 403 403 409"),
          new Endpoint(
              "medcontrol pause",
              State.SUBMITTED,
              id -> post("/api/v1/admin/medcontrol/pause"),
              "403 403 403 403 403 403 403 403 403 204"),
          new Endpoint(
              "medcontrol resume",
              State.SUBMITTED,
              id -> post("/api/v1/admin/medcontrol/resume"),
              "403 403 403 403 403 403 403 403 403 204"));

  @Autowired MockMvc mvc;
  @Autowired MasterData masterData;
  @Autowired DeviationWorkflow workflow;

  @BeforeEach
  void landscape() {
    TestCare.install(masterData);
  }

  static MockHttpServletRequestBuilder body(MockHttpServletRequestBuilder request, String json) {
    return request.contentType(MediaType.APPLICATION_JSON).content(json);
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : ENDPOINTS) {
      String[] codes = endpoint.expected().split(" +");
      assertThat(codes).hasSize(Who.values().length);
      for (Who who : Who.values()) {
        cases.add(
            Arguments.of(endpoint.name(), who, endpoint, Integer.parseInt(codes[who.ordinal()])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1} → {3}")
  @MethodSource("matrix")
  void answersEachUserAsTheRulesSay(String name, Who who, Endpoint endpoint, int expected)
      throws Exception {
    Actor reporter = Personas.wardNurse();
    UUID id = deviationIn(endpoint.state(), reporter);
    Map<Who, Supplier<Actor>> users = users(reporter);

    int status =
        mvc.perform(endpoint.request().build(id).with(as(users.get(who).get())).with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();

    assertThat(status).as(name + " as " + who).isEqualTo(expected);
  }

  static Stream<Arguments> endpoints() {
    return ENDPOINTS.stream().map(e -> Arguments.of(e.name(), e));
  }

  @ParameterizedTest(name = "{0} without login → 401")
  @MethodSource("endpoints")
  void answersAnonymousCallersWith401(String name, Endpoint endpoint) throws Exception {
    int status =
        mvc.perform(endpoint.request().build(UUID.randomUUID()).with(csrf()))
            .andReturn()
            .getResponse()
            .getStatus();

    assertThat(status).as(name + " without login").isEqualTo(401);
  }

  private static Map<Who, Supplier<Actor>> users(Actor reporter) {
    Map<Who, Supplier<Actor>> users = new EnumMap<>(Who.class);
    users.put(Who.REPORTER, () -> reporter);
    users.put(Who.COLLEAGUE_OF_REPORTER, Personas::wardNurse);
    users.put(Who.RECEIVING_HANDLER, Personas::homeCareHandlerA);
    users.put(Who.OTHER_HANDLER_RECEIVING_ORG, () -> otherUnitHandler());
    users.put(Who.RECEIVING_COORDINATOR, Personas::coordinatorA);
    users.put(Who.REPORTING_COORDINATOR, Personas::regionCoordinator);
    users.put(Who.REPORTING_UNIT_HANDLER, Personas::wardHandler);
    users.put(Who.THIRD_ORG_HANDLER, Personas::homeCareHandlerB);
    users.put(Who.THIRD_ORG_COORDINATOR, Personas::coordinatorB);
    users.put(Who.ADMIN, TestCare::admin);
    return users;
  }

  /** A handler appointed for municipality A's short-term care, not the receiving unit. */
  private static Actor otherUnitHandler() {
    return new Actor(
        new se.samla.deviation.core.access.domain.PersonRef("SE9999999002-H0077", "Olof Korttid"),
        TestCare.SHORT_TERM_A,
        TestCare.KOMMUN_A,
        java.util.Set.of(TestCare.SHORT_TERM_A),
        java.util.Set.of(),
        false);
  }

  private UUID deviationIn(State state, Actor reporter) {
    masterData.appointHandler(
        TestCare.admin(), TestCare.SHORT_TERM_A, "SE9999999002-H0077", "Olof Korttid", null);
    DeviationView d =
        workflow.register(
            Registrations.aDeviation().patient(TestPatients.TOLVAN_TOLVANSSON).build(), reporter);
    UUID id = d.id();
    Actor handler = Personas.homeCareHandlerA();
    switch (state) {
      case SUBMITTED -> {}
      case RETURNED ->
          workflow.returnToReporter(new ReturnDeviationCommand(id, "Oklar", null), handler);
      default -> {
        workflow.assign(new AssignDeviationCommand(id, null, null), handler);
        if (state == State.INFORMATION_REQUESTED) {
          workflow.requestInformation(new RequestInformationCommand(id, "Vem?", null), handler);
        } else if (state == State.ANSWERED) {
          workflow.answer(new AnswerDeviationCommand(id, "Utrett", null, "Rutin", null), handler);
        }
      }
    }
    return id;
  }
}
