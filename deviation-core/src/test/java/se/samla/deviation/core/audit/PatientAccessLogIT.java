package se.samla.deviation.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.audit.domain.PatientAccessLogEntry;
import se.samla.deviation.core.audit.infrastructure.PatientAccessLog;
import se.samla.deviation.core.deviation.application.DeviationQueries;
import se.samla.deviation.core.deviation.application.DeviationView;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.core.patient.domain.PatientProtector;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;

/** PDL: every read of a deviation with a patient is logged, and the log cannot be changed. */
@CoreIntegrationTest
class PatientAccessLogIT {

  @Autowired DeviationWorkflow workflow;
  @Autowired DeviationQueries queries;
  @Autowired PatientAccessLog log;
  @Autowired PatientProtector protector;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired JdbcTemplate jdbc;

  UUID withPatient;
  Actor reporter;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    TestCare.install(masterData);
    reporter = Personas.wardNurse();
    withPatient =
        workflow.register(aDeviation().patient(TestPatients.ADULT).build(), reporter).id();
  }

  @Test
  void everyReadOfAPatientIsLoggedWithWhoWhereAndWhichPseudonym() {
    clock.set(Instant.parse("2026-11-24T10:15:00Z"));
    Actor handler = Personas.homeCareHandlerA();
    DeviationView seen = queries.get(withPatient, handler);

    assertThat(seen.patient().masked()).isFalse();
    String pseudonym =
        protector.pseudonymOf(
            PersonalIdentityNumber.parse(TestPatients.ADULT, java.time.LocalDate.of(2026, 11, 24)));
    List<PatientAccessLogEntry> entries = log.findByDeviationIdOrderByAccessedAt(withPatient);
    assertThat(entries).hasSize(2); // the registration's own response, and this read
    PatientAccessLogEntry last = entries.get(1);
    assertThat(last.actorHsaId()).isEqualTo(handler.hsaId());
    assertThat(last.actingUnitHsaId()).isEqualTo(TestCare.HOME_CARE_A);
    assertThat(last.accessedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
    assertThat(last.patientPseudonym()).isEqualTo(pseudonym);
    assertThat(last.action()).isEqualTo(PatientAccessLogEntry.Action.READ_DEVIATION);
    assertThat(last.revealed()).isTrue();
  }

  @Test
  void aDeviationWithoutPatientWritesNoLog() {
    UUID none = workflow.register(aDeviation().build(), reporter).id();
    queries.get(none, reporter);
    assertThat(log.findByDeviationIdOrderByAccessedAt(none)).isEmpty();
  }

  @Test
  void theLogHoldsNoPersonnummer() {
    queries.get(withPatient, reporter);
    String digits = TestPatients.ADULT.replace("-", "");
    List<Map<String, Object>> rows =
        jdbc.queryForList("select * from patient_access_log where deviation_id = ?", withPatient);
    assertThat(rows).isNotEmpty();
    assertThat(rows.toString()).doesNotContain(digits).doesNotContain(digits.substring(2));
  }

  @Test
  void theDatabaseRefusesUpdateDeleteAndTruncate() {
    queries.get(withPatient, reporter);
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update patient_access_log set actor_hsa_id = 'X' where deviation_id = ?",
                    withPatient))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.update("delete from patient_access_log where deviation_id = ?", withPatient))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("truncate patient_access_log"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(log.findByDeviationIdOrderByAccessedAt(withPatient)).hasSize(2);
  }

  @Test
  void theTimelineIsAppendOnlyToo() {
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update deviation_event set actor_name = 'X' where deviation_id = ?",
                    withPatient))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbc.update("delete from deviation_event where deviation_id = ?", withPatient))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
  }
}
