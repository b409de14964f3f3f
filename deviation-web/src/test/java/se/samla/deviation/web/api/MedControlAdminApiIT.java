package se.samla.deviation.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samla.deviation.web.api.Logins.as;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.deviation.application.MedControlLink;
import se.samla.deviation.core.deviation.application.MedControlLinks;
import se.samla.deviation.core.deviation.application.MedControlSyncState;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.Registrations;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.medcontrol.application.MedControlOperations;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.ConflictState;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.OutboxState;
import se.samla.deviation.core.organisation.application.MasterData;

/**
 * The operator API over a fake sync (the integration's port, faked in test configuration only), and
 * the sync state on a deviation.
 */
@ApiIntegrationTest
class MedControlAdminApiIT {

  static final String BASE = "/api/v1/admin/medcontrol";
  static final UUID DEVIATION = UUID.fromString("7f1c2a8e-5a61-4d7e-9c59-0b8f4f6c1d01");
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

  /** What the fake was asked to do: "replay 1 by SE...". */
  static final List<String> CALLS = new CopyOnWriteArrayList<>();

  static final Map<UUID, MedControlLink> SYNC = new ConcurrentHashMap<>();

  @TestConfiguration
  static class FakeSync {

    // Primary: the real integration is on the runtime classpath and brings its own beans.
    @Bean
    @Primary
    MedControlOperations fakeSyncOperations() {
      return new MedControlOperations() {
        @Override
        public Overview overview() {
          return new Overview(
              true,
              false,
              true,
              Map.of(OutboxState.PENDING, 3L, OutboxState.DEAD, 1L),
              Duration.ofSeconds(125),
              2,
              4,
              T,
              "CLOSED");
        }

        @Override
        public List<OutboxItem> outbox(OutboxState state, int limit) {
          CALLS.add("outbox " + state + " " + limit);
          return List.of(
              new OutboxItem(
                  17, DEVIATION, "SAMLA-2026-000017", 4, state, 8, T, null, 422, "rejected"));
        }

        @Override
        public List<RejectedInboundItem> rejectedInbound(int limit) {
          CALLS.add("rejected " + limit);
          return List.of(new RejectedInboundItem("MC-9", 3, T, "unknown unit"));
        }

        @Override
        public List<Conflict> conflicts(boolean openOnly, int limit) {
          CALLS.add("conflicts " + openOnly + " " + limit);
          return List.of(
              new Conflict(
                  5,
                  DEVIATION,
                  "SAMLA-2026-000017",
                  "handler",
                  "SE1-H1",
                  "SE1-H2",
                  T,
                  ConflictState.OPEN,
                  null,
                  null));
        }

        @Override
        public boolean replay(long outboxItemId, String operatorHsaId) {
          CALLS.add("replay " + outboxItemId + " by " + operatorHsaId);
          return outboxItemId == 17;
        }

        @Override
        public boolean resolveConflict(long conflictId, Resolution keep, String operatorHsaId) {
          CALLS.add("resolve " + conflictId + " " + keep + " by " + operatorHsaId);
          return conflictId == 5;
        }

        @Override
        public void pause(String operatorHsaId) {
          CALLS.add("pause by " + operatorHsaId);
        }

        @Override
        public void resume(String operatorHsaId) {
          CALLS.add("resume by " + operatorHsaId);
        }
      };
    }

    @Bean
    @Primary
    MedControlLinks fakeSyncStatus() {
      return (Collection<UUID> ids) ->
          ids.stream()
              .filter(SYNC::containsKey)
              .collect(java.util.stream.Collectors.toMap(id -> id, SYNC::get));
    }
  }

  @Autowired MockMvc mvc;
  @Autowired MasterData masterData;
  @Autowired DeviationWorkflow workflow;

  Actor admin;

  @BeforeEach
  void setUp() {
    TestCare.install(masterData);
    admin = TestCare.admin();
    CALLS.clear();
  }

  @Test
  void theOverviewShowsTheBacklog() throws Exception {
    mvc.perform(get(BASE).with(as(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(true))
        .andExpect(jsonPath("$.paused").value(false))
        .andExpect(jsonPath("$.leader").value(true))
        .andExpect(jsonPath("$.outboxByState.PENDING").value(3))
        .andExpect(jsonPath("$.outboxByState.DEAD").value(1))
        .andExpect(jsonPath("$.oldestPendingAge").value("PT2M5S"))
        .andExpect(jsonPath("$.oldestPendingAgeSeconds").value(125))
        .andExpect(jsonPath("$.openConflicts").value(2))
        .andExpect(jsonPath("$.rejectedInbound").value(4))
        .andExpect(jsonPath("$.lastPollAt").value("2026-11-23T10:00:00+01:00"))
        .andExpect(jsonPath("$.circuitBreakerState").value("CLOSED"));
  }

  @Test
  void listsDeadItemsRejectedItemsAndConflicts() throws Exception {
    mvc.perform(get(BASE + "/outbox").param("state", "DEAD").param("limit", "20").with(as(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(17))
        .andExpect(jsonPath("$[0].deviationId").value(DEVIATION.toString()))
        .andExpect(jsonPath("$[0].caseNumber").value("SAMLA-2026-000017"))
        .andExpect(jsonPath("$[0].deviationVersion").value(4))
        .andExpect(jsonPath("$[0].state").value("DEAD"))
        .andExpect(jsonPath("$[0].attempts").value(8))
        .andExpect(jsonPath("$[0].createdAt").value("2026-11-23T10:00:00+01:00"))
        .andExpect(jsonPath("$[0].nextAttemptAt").doesNotExist())
        .andExpect(jsonPath("$[0].lastHttpStatus").value(422))
        .andExpect(jsonPath("$[0].lastError").value("rejected"));
    mvc.perform(get(BASE + "/inbound/rejected").with(as(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].medControlCaseId").value("MC-9"))
        .andExpect(jsonPath("$[0].version").value(3))
        .andExpect(jsonPath("$[0].reason").value("unknown unit"));
    mvc.perform(get(BASE + "/conflicts").with(as(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(5))
        .andExpect(jsonPath("$[0].field").value("handler"))
        .andExpect(jsonPath("$[0].localValue").value("SE1-H1"))
        .andExpect(jsonPath("$[0].remoteValue").value("SE1-H2"))
        .andExpect(jsonPath("$[0].state").value("OPEN"));
    mvc.perform(get(BASE + "/conflicts").param("open", "false").with(as(admin)))
        .andExpect(status().isOk());

    assertThat(CALLS)
        .containsExactly(
            "outbox DEAD 20", "rejected 50", "conflicts true 50", "conflicts false 50");
  }

  @Test
  void aBadStateIs400AndABadLimitIs422() throws Exception {
    mvc.perform(get(BASE + "/outbox").param("state", "GONE").with(as(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("state"));
    mvc.perform(get(BASE + "/outbox").param("limit", "0").with(as(admin)))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    mvc.perform(get(BASE + "/conflicts").param("limit", "many").with(as(admin)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    assertThat(CALLS).isEmpty();
  }

  @Test
  void replayPassesTheOperatorAndAnswers409WhenTheItemIsNotDead() throws Exception {
    mvc.perform(post(BASE + "/outbox/17/replay").with(as(admin)).with(csrf()))
        .andExpect(status().isNoContent());
    mvc.perform(post(BASE + "/outbox/18/replay").with(as(admin)).with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.detail").value("The outbox item is not DEAD."));

    assertThat(CALLS)
        .containsExactly("replay 17 by " + admin.hsaId(), "replay 18 by " + admin.hsaId());
  }

  @Test
  void resolveKeepsOneSideAndRejectsAnythingElse() throws Exception {
    mvc.perform(resolve(5, "{\"keep\": \"REMOTE\"}")).andExpect(status().isNoContent());
    mvc.perform(resolve(6, "{\"keep\": \"LOCAL\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("The conflict is not open."));
    mvc.perform(resolve(5, "{\"keep\": \"BOTH\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("keep"));
    mvc.perform(resolve(5, "{}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("keep"));

    assertThat(CALLS)
        .containsExactly(
            "resolve 5 REMOTE by " + admin.hsaId(), "resolve 6 LOCAL by " + admin.hsaId());
  }

  @Test
  void pauseAndResumeNameTheOperator() throws Exception {
    mvc.perform(post(BASE + "/pause").with(as(admin)).with(csrf()))
        .andExpect(status().isNoContent());
    mvc.perform(post(BASE + "/resume").with(as(admin)).with(csrf()))
        .andExpect(status().isNoContent());
    assertThat(CALLS).containsExactly("pause by " + admin.hsaId(), "resume by " + admin.hsaId());
  }

  @Test
  void commandsNeedTheCsrfTokenAndAnAdministrator() throws Exception {
    mvc.perform(post(BASE + "/pause").with(as(admin))).andExpect(status().isForbidden());
    mvc.perform(post(BASE + "/pause").with(as(Personas.coordinatorA())).with(csrf()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get(BASE).with(as(Personas.homeCareHandlerA()))).andExpect(status().isForbidden());
    mvc.perform(get(BASE)).andExpect(status().isUnauthorized());
    assertThat(CALLS).isEmpty();
  }

  @Test
  void aDeviationShowsItsOriginAndSyncState() throws Exception {
    Actor reporter = Personas.wardNurse();
    UUID synced = workflow.register(Registrations.aDeviation().build(), reporter).id();
    UUID never = workflow.register(Registrations.aDeviation().build(), reporter).id();
    SYNC.put(synced, new MedControlLink("MC-4711", MedControlSyncState.SENT, T));

    mvc.perform(get("/api/v1/deviations/" + synced).with(as(reporter)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.origin").value("SAMVERKAN"))
        .andExpect(jsonPath("$.medControl.caseId").value("MC-4711"))
        .andExpect(jsonPath("$.medControl.syncState").value("SENT"))
        .andExpect(jsonPath("$.medControl.lastSyncedAt").value("2026-11-23T10:00:00+01:00"));
    mvc.perform(get("/api/v1/deviations/" + never).with(as(reporter)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.origin").value("SAMVERKAN"))
        .andExpect(jsonPath("$.medControl").value(org.hamcrest.Matchers.nullValue()));
  }

  private org.springframework.test.web.servlet.RequestBuilder resolve(long id, String json) {
    return post(BASE + "/conflicts/" + id + "/resolve")
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .with(as(admin))
        .with(csrf());
  }
}
