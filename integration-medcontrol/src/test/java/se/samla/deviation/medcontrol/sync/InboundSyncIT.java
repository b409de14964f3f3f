package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samla.deviation.core.deviation.application.AssignDeviationCommand;
import se.samla.deviation.core.deviation.domain.DeviationOrigin;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;
import se.samla.deviation.medcontrol.simulator.MedControlCase;

/** Cases and changes made in MedControl PRO arrive here through the change feed. */
@MedControlIntegrationTest
class InboundSyncIT extends SyncTestSupport {

  /**
   * Defences: the import of unlinked remote cases (InboundSync creates the deviation and its link),
   * the relay never creating a case for a linked deviation, and the merge taking remote-only moves.
   */
  @Test
  void aCaseRegisteredInMedControlBecomesALinkedDeviationAndIsNotSentBack() {
    MedControlCase remote = remoteCaseForUs();

    UUID id = imported(remote.id());
    MedControlSnapshot d = here(id);
    assertThat(d.origin()).isEqualTo(DeviationOrigin.MEDCONTROL);
    assertThat(d.medControlCaseId()).isEqualTo(remote.id());
    assertThat(d.receivingUnitHsaId()).isEqualTo(TestCare.HOME_CARE_A);
    assertThat(d.medControlCategory()).isEqualTo("SAM-04");
    assertThat(ledger.inboxOutcome(remote.id(), remote.version())).isEqualTo("CREATED");

    // A deviation registered after the import is sent: the relay has run past the import.
    UUID sentinel = registerHere();
    synced(sentinel);
    assertThat(sim.caseBySourceReference(id.toString())).isEmpty();
    assertThat(deviationsOfCase(remote.id())).isEqualTo(1);

    Instant answeredAt = sim.now();
    sim.remote()
        .update(
            remote.id(),
            c ->
                c.handler(TestCare.HOME_CARE_A_HANDLER, "Karin Kommunhandläggare")
                    .status("ANSWERED")
                    .answer("Utrett i MedControl", "Rutin saknades", "Ny rutin", answeredAt));

    await("the remote answer here")
        .atMost(WITHIN)
        .until(() -> here(id).status() == DeviationStatus.ANSWERED);
    MedControlSnapshot answered = here(id);
    assertThat(answered.answer().investigation()).isEqualTo("Utrett i MedControl");
    assertThat(answered.answer().measures()).isEqualTo("Ny rutin");
    assertThat(answered.handler().hsaId()).isEqualTo(TestCare.HOME_CARE_A_HANDLER);
    assertThat(sim.caseBySourceReference(id.toString())).isEmpty();
  }

  /** Defence: the three-way merge takes a field only MedControl PRO moved (STATUS, ANSWER). */
  @Test
  void theAnswerGivenInMedControlArrivesHere() {
    UUID id = registerHere();
    String caseId = synced(id);
    long versionBefore = here(id).version();

    sim.remote()
        .update(
            caseId,
            c ->
                c.handler(TestCare.HOME_CARE_A_HANDLER, "Karin Kommunhandläggare")
                    .status("ANSWERED")
                    .answer("Utredning", "Orsaker", "Åtgärder", sim.now()));

    await("the remote answer here")
        .atMost(WITHIN)
        .until(() -> here(id).status() == DeviationStatus.ANSWERED);
    MedControlSnapshot d = here(id);
    assertThat(d.answer().investigation()).isEqualTo("Utredning");
    assertThat(d.answer().causes()).isEqualTo("Orsaker");
    assertThat(d.version()).isGreaterThan(versionBefore);
    assertThat(events(id, "UPDATED_IN_MEDCONTROL")).isEqualTo(1);
    long remoteVersion = sim.caseById(caseId).orElseThrow().version();
    assertThat(ledger.inboxOutcome(caseId, remoteVersion)).isEqualTo("APPLIED");
  }

  /**
   * Defence: OutboundSync records our own write's (case, version) as OWN_WRITE when the remote
   * answers, so its echo in the feed is skipped by the inbox key.
   */
  @Test
  void theEchoOfOurOwnWriteChangesNothingHere() throws Exception {
    UUID id = registerHere();
    String caseId = synced(id);
    // The feed is held back while we write, so the echo is read after our write was settled (read
    // before, it meets a merge in which both sides moved to the same values: also no change here).
    stopChangeFeedRoute();
    try {
      workflow.assign(new AssignDeviationCommand(id, null, null), Personas.homeCareHandlerA());
      await("the assignment in MedControl PRO")
          .atMost(WITHIN)
          .until(() -> "IN_PROGRESS".equals(sim.caseById(caseId).orElseThrow().status()));
      await("the update settled").atMost(WITHIN).until(() -> ledger.sent(id));
    } finally {
      startChangeFeedRoute();
    }
    long echoed = sim.caseById(caseId).orElseThrow().version();
    long versionHere = here(id).version();

    // The feed is ordered by modifiedAt: once a later remote case is imported, the echo was read.
    MedControlCase later = remoteCaseForUs();
    imported(later.id());

    assertThat(ledger.inboxOutcome(caseId, echoed)).isEqualTo("OWN_WRITE");
    assertThat(here(id).version()).isEqualTo(versionHere);
    assertThat(events(id, "UPDATED_IN_MEDCONTROL")).isZero();
    assertThat(ledger.openConflicts(id)).isEmpty();
  }

  /**
   * Defence: InboundSync rejects an unmappable item (recorded with the reason) and returns
   * normally, so the poller moves on to the next item.
   */
  @Test
  void anUnmappableRemoteCaseIsRejectedAndTheFeedGoesOn() {
    MedControlCase unknownUnit = remoteCaseForUs(c -> c.receivingUnit("SE0000000000-NOSUCHUNIT"));
    MedControlCase valid = remoteCaseForUs();

    imported(valid.id());

    assertThat(ledger.inboxOutcome(unknownUnit.id(), unknownUnit.version())).isEqualTo("REJECTED");
    assertThat(deviationsOfCase(unknownUnit.id())).isZero();
    assertThat(admin.rejectedInbound(500))
        .filteredOn(r -> r.medControlCaseId().equals(unknownUnit.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.version()).isEqualTo(unknownUnit.version());
              assertThat(r.reason()).contains("receivingUnit");
            });
  }
}
