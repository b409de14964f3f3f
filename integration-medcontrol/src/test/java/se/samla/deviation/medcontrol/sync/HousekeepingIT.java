package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.Registrations;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;

/** History older than the retention goes; what an operator still needs stays. */
@MedControlIntegrationTest
class HousekeepingIT {

  @Autowired OutboxRelay relay;
  @Autowired JdbcTemplate jdbc;
  @Autowired DeviationWorkflow workflow;
  @Autowired MasterData masterData;

  @Test
  void oldSentRowsAndOldInboxRowsArePurgedButDeadAndRecentRowsStay() {
    TestCare.install(masterData);
    UUID id = workflow.register(Registrations.aDeviation().build(), Personas.wardNurse()).id();
    Timestamp old = Timestamp.from(Instant.now().minus(Duration.ofDays(120)));
    Timestamp recent = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
    long oldSent = outboxRow(id, "SENT", old);
    long recentSent = outboxRow(id, "SENT", recent);
    long oldDead = outboxRow(id, "DEAD", old);
    String caseId = "HK-" + UUID.randomUUID();
    jdbc.update(
        "insert into medcontrol_inbox (case_id, version, received_at, outcome) values (?, 1, ?,"
            + " 'APPLIED'), (?, 2, ?, 'APPLIED')",
        caseId,
        old,
        caseId,
        recent);

    assertThat(relay.purgeHistory()).isGreaterThanOrEqualTo(2);

    assertThat(exists(oldSent)).isFalse();
    assertThat(exists(recentSent)).isTrue();
    assertThat(exists(oldDead)).isTrue();
    assertThat(
            jdbc.queryForList(
                "select version from medcontrol_inbox where case_id = ?", Long.class, caseId))
        .containsExactly(2L);
  }

  private long outboxRow(UUID deviationId, String state, Timestamp at) {
    return jdbc.queryForObject(
        """
        insert into medcontrol_outbox (deviation_id, changes, state, attempts, created_at,
            updated_at, next_attempt_at, completed_at)
        values (?, 1, ?, 1, ?, ?, ?, ?) returning id
        """,
        Long.class,
        deviationId,
        state,
        at,
        at,
        at,
        at);
  }

  private boolean exists(long outboxId) {
    return jdbc.queryForObject(
            "select count(*) from medcontrol_outbox where id = ?", Integer.class, outboxId)
        == 1;
  }
}
