package se.samla.deviation.medcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.deviation.application.AssignDeviationCommand;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.deviation.application.MedControlLink;
import se.samla.deviation.core.deviation.application.MedControlLinks;
import se.samla.deviation.core.deviation.application.MedControlSyncState;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.medcontrol.simulator.MedControlCase;
import se.samla.deviation.medcontrol.simulator.MedControlSimulator;

/** Deviations registered and changed here reach MedControl PRO once, in their latest state. */
@MedControlIntegrationTest
class OutboundSyncIT {

  static final Duration WITHIN = Duration.ofSeconds(20);

  @Autowired DeviationWorkflow workflow;
  @Autowired MasterData masterData;
  @Autowired JdbcTemplate jdbc;
  @Autowired MedControlLinks syncStatus;

  MedControlSimulator sim = SimulatorInitializer.simulator();
  Ledger ledger;

  @BeforeEach
  void setUp() {
    TestCare.install(masterData);
    ledger = new Ledger(jdbc);
    sim.faults().clear();
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
  }

  @Test
  void aRegisteredDeviationIsCreatedOnceAndItsAssignmentFollows() {
    Set<String> keysBefore = Set.copyOf(sim.distinctCreateKeys());
    UUID id =
        workflow
            .register(
                aDeviation().patient(TestPatients.TOLVAN_TOLVANSSON).build(), Personas.wardNurse())
            .id();

    await("created in MedControl PRO").atMost(WITHIN).until(() -> ledger.sent(id));
    MedControlCase remote = sim.caseBySourceReference(id.toString()).orElseThrow();
    assertThat(remote.status()).isEqualTo("NEW");
    assertThat(remote.receivingUnitHsaId()).isEqualTo(TestCare.HOME_CARE_A);
    assertThat(remote.json().path("patientIdentityNumber").asText()).isEqualTo("191212121212");
    assertThat(ledger.caseId(id)).isEqualTo(remote.id());
    MedControlLink status = syncStatus.of(List.of(id)).get(id);
    assertThat(status.state()).isEqualTo(MedControlSyncState.SENT);
    assertThat(status.caseId()).isEqualTo(remote.id());

    workflow.assign(new AssignDeviationCommand(id, null, null), Personas.homeCareHandlerA());

    await("assignment in MedControl PRO")
        .atMost(WITHIN)
        .until(() -> "IN_PROGRESS".equals(sim.caseById(remote.id()).orElseThrow().status()));
    MedControlCase updated = sim.caseById(remote.id()).orElseThrow();
    assertThat(updated.handler().hsaId()).isEqualTo(TestCare.HOME_CARE_A_HANDLER);
    // This deviation's create key (the simulator is shared: other tests' keys are there too).
    Set<String> keys = new HashSet<>(sim.distinctCreateKeys());
    keys.removeAll(keysBefore);
    assertThat(keys).hasSize(1);
    assertThat(sim.createsWithKey(keys.iterator().next())).isEqualTo(1);
    assertThat(sim.cases().stream().filter(c -> id.toString().equals(c.sourceReference())))
        .hasSize(1);
    // Only the create carried the patient: one transfer in the PDL access log, not one per update.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from patient_access_log where deviation_id = ?"
                    + " and action = 'TRANSFER_MEDCONTROL'",
                Integer.class,
                id))
        .isEqualTo(1);
  }
}
