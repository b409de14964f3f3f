package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.core.deviation.application.AssignDeviationCommand;
import se.samla.deviation.core.deviation.application.MedControlSyncState;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.medcontrol.application.MedControlOperations;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;

/**
 * The handler changed here and, differently, in MedControl PRO before either side heard of the
 * other: a conflict that a person resolves, and until then neither value is lost. Defence: the
 * three-way merge's "both moved differently" case (inbound and on a 412 re-read), the conflict
 * blocking the field outbound, and SyncAdministration.resolveConflict.
 */
@MedControlIntegrationTest
class ConflictIT extends SyncTestSupport {

  static final String OPERATOR = "SE9999999001-A0001";

  @Autowired SyncStatusQuery syncStatus;

  @Test
  void concurrentHandlerChangesConflictAndKeepingOursSendsOursToMedControl() {
    Clash clash = clashOverTheHandler();

    assertThat(
            admin.resolveConflict(
                clash.conflict().id(), MedControlOperations.Resolution.LOCAL, OPERATOR))
        .isTrue();

    await("our handler in MedControl PRO")
        .atMost(WITHIN)
        .until(
            () ->
                TestCare.HOME_CARE_A_HANDLER.equals(
                    sim.caseById(clash.caseId()).orElseThrow().handler().hsaId()));
    assertThat(here(clash.id()).handler().hsaId()).isEqualTo(TestCare.HOME_CARE_A_HANDLER);
    assertThat(ledger.openConflicts(clash.id())).isEmpty();
    await("the sync state no longer CONFLICT")
        .atMost(WITHIN)
        .until(
            () ->
                syncStatus.of(List.of(clash.id())).get(clash.id()).state()
                    == MedControlSyncState.SENT);
  }

  @Test
  void concurrentHandlerChangesConflictAndKeepingTheirsTakesTheRemoteHandlerHere() {
    Clash clash = clashOverTheHandler();

    assertThat(
            admin.resolveConflict(
                clash.conflict().id(), MedControlOperations.Resolution.REMOTE, OPERATOR))
        .isTrue();

    assertThat(here(clash.id()).handler().hsaId()).isEqualTo(TestCare.HOME_CARE_A_SECOND_HANDLER);
    assertThat(ledger.openConflicts(clash.id())).isEmpty();
    assertThat(sim.caseById(clash.caseId()).orElseThrow().handler().hsaId())
        .isEqualTo(TestCare.HOME_CARE_A_SECOND_HANDLER);
    assertThat(syncStatus.of(List.of(clash.id())).get(clash.id()).state())
        .isNotEqualTo(MedControlSyncState.CONFLICT);
  }

  record Clash(UUID id, String caseId, MedControlOperations.Conflict conflict) {}

  /**
   * Both sides change the handler while MedControl PRO is unreachable for us; then it comes back.
   * Asserts the conflict and that both values are kept.
   */
  private Clash clashOverTheHandler() {
    UUID id = registerHere();
    String caseId = synced(id);
    sim.faults().down(true);
    try {
      workflow.assign(new AssignDeviationCommand(id, null, null), Personas.homeCareHandlerA());
      sim.remote()
          .update(
              caseId,
              c -> c.handler(TestCare.HOME_CARE_A_SECOND_HANDLER, "Kalle Kommunhandläggare"));
    } finally {
      sim.faults().down(false);
    }

    MedControlOperations.Conflict conflict = awaitOpenConflict(id, "a conflict over the handler");
    assertThat(conflict.field()).isEqualTo("handler");
    assertThat(conflict.state()).isEqualTo(MedControlOperations.ConflictState.OPEN);
    assertThat(conflict.localValue()).isEqualTo(TestCare.HOME_CARE_A_HANDLER);
    assertThat(conflict.remoteValue()).isEqualTo(TestCare.HOME_CARE_A_SECOND_HANDLER);
    assertThat(ledger.openConflicts(id)).hasSize(1);
    assertThat(syncStatus.of(List.of(id)).get(id).state()).isEqualTo(MedControlSyncState.CONFLICT);

    // What we changed without a clash (the status) still goes out; the handler does not.
    await("our status in MedControl PRO")
        .atMost(WITHIN)
        .until(() -> "IN_PROGRESS".equals(sim.caseById(caseId).orElseThrow().status()));
    await("the outbox settled").atMost(WITHIN).until(() -> ledger.sent(id));
    assertThat(here(id).handler().hsaId()).isEqualTo(TestCare.HOME_CARE_A_HANDLER);
    assertThat(sim.caseById(caseId).orElseThrow().handler().hsaId())
        .isEqualTo(TestCare.HOME_CARE_A_SECOND_HANDLER);
    assertThat(syncStatus.of(List.of(id)).get(id).state()).isEqualTo(MedControlSyncState.CONFLICT);
    return new Clash(id, caseId, conflict);
  }
}
