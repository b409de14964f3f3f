package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.application.AssessRiskCommand;
import se.samla.deviation.core.deviation.application.DeviationListQuery;
import se.samla.deviation.core.deviation.application.DeviationQueries;
import se.samla.deviation.core.deviation.application.DeviationSummary;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeviationAction;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.medcontrol.application.MedControlOperations;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;
import se.samla.deviation.medcontrol.simulator.MedControlCase;

/**
 * The risk between the two systems: a case registered in MedControl PRO without a risk reaches the
 * receiving handlers as not assessed, their assessment is sent to MedControl PRO, a risk set there
 * becomes the assessment here, and a clash is a conflict for a person. Defence: MedControlWorkflow
 * importing without a risk, SharedField.RISK in CaseMapping and the three-way merge.
 */
@MedControlIntegrationTest
class RiskSyncIT extends SyncTestSupport {

  static final String OPERATOR = "SE9999999001-A0001";

  @Autowired DeviationQueries queries;

  @Test
  void aCaseWithoutRiskReachesTheReceivingHandlersAndTheirAssessmentGoesBack() {
    Actor handler = handlerOfAUnitOfItsOwn();
    MedControlCase remote =
        remoteCaseForUs(
            c -> c.receivingUnit(handler.actingUnitHsaId()).consequence(null).probability(null));

    UUID id = imported(remote.id());
    assertThat(ledger.inboxOutcome(remote.id(), remote.version())).isEqualTo("CREATED");
    List<DeviationSummary> inbox =
        queries.list(DeviationListQuery.of(DeviationListQuery.View.INBOX), handler).items();
    assertThat(inbox)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo(id);
              assertThat(s.riskAssessed()).isFalse();
              assertThat(s.riskLevel()).isNull();
            });
    var view = queries.get(id, handler);
    assertThat(view.riskAssessed()).isFalse();
    assertThat(view.allowedActions()).contains(DeviationAction.ASSESS_RISK);

    workflow.assessRisk(
        new AssessRiskCommand(
            id, Consequence.SIGNIFICANT, Probability.LOW, "Allvarlig men ovanlig", view.version()),
        handler);

    await("the assessment in MedControl PRO")
        .atMost(WITHIN)
        .until(
            () -> Integer.valueOf(3).equals(sim.caseById(remote.id()).orElseThrow().consequence()));
    assertThat(sim.caseById(remote.id()).orElseThrow().probability()).isEqualTo(2);
    await("the outbox settled").atMost(WITHIN).until(() -> ledger.sent(id));
    assertThat(ledger.openConflicts(id)).isEmpty();
    assertThat(here(id).assessedConsequence()).isEqualTo(3);
    assertThat(here(id).consequence()).as("no reporter estimate").isNull();
  }

  @Test
  void theHandlersAssessmentReachesTheCaseAndTheReporterEstimateStaysHere() {
    UUID id = registerHere();
    String caseId = synced(id);
    MedControlCase created = sim.caseById(caseId).orElseThrow();
    assertThat(created.consequence()).as("the create carries the reporter's estimate").isEqualTo(2);
    assertThat(created.probability()).isEqualTo(3);

    workflow.assessRisk(
        new AssessRiskCommand(
            id, Consequence.CATASTROPHIC, Probability.VERY_HIGH, "Patienten skadades", null),
        Personas.homeCareHandlerA());

    await("the assessment in MedControl PRO")
        .atMost(WITHIN)
        .until(() -> Integer.valueOf(4).equals(sim.caseById(caseId).orElseThrow().consequence()));
    MedControlCase updated = sim.caseById(caseId).orElseThrow();
    assertThat(updated.probability()).isEqualTo(4);
    assertThat(updated.status()).isEqualTo("NEW");
    MedControlSnapshot d = here(id);
    assertThat(d.consequence()).isEqualTo(2);
    assertThat(d.probability()).isEqualTo(3);
    assertThat(d.assessedConsequence()).isEqualTo(4);
  }

  @Test
  void aRiskSetInMedControlBecomesTheHandlerAssessmentHere() {
    UUID id = registerHere();
    String caseId = synced(id);

    sim.remote().update(caseId, c -> c.risk(1, 4));

    await("the remote risk here")
        .atMost(WITHIN)
        .until(() -> Integer.valueOf(1).equals(here(id).assessedConsequence()));
    MedControlSnapshot d = here(id);
    assertThat(d.assessedProbability()).isEqualTo(4);
    assertThat(d.consequence()).as("the reporter's estimate is kept").isEqualTo(2);
    assertThat(d.probability()).isEqualTo(3);
    assertThat(events(id, "UPDATED_IN_MEDCONTROL")).isEqualTo(1);
    long remoteVersion = sim.caseById(caseId).orElseThrow().version();
    assertThat(ledger.inboxOutcome(caseId, remoteVersion)).isEqualTo("APPLIED");
    assertThat(queries.get(id, Personas.homeCareHandlerA()).handlerAssessment().assessedBy())
        .isEqualTo(PersonRef.MEDCONTROL);
  }

  @Test
  void assessmentsOnBothSidesConflictAndKeepingOursSendsOurs() {
    UUID id = registerHere();
    String caseId = synced(id);
    sim.faults().down(true);
    try {
      workflow.assessRisk(
          new AssessRiskCommand(id, Consequence.CATASTROPHIC, Probability.LOW, "Bedömd här", null),
          Personas.homeCareHandlerA());
      sim.remote().update(caseId, c -> c.risk(1, 1));
    } finally {
      sim.faults().down(false);
    }

    MedControlOperations.Conflict conflict = awaitOpenConflict(id, "a conflict over the risk");
    assertThat(conflict.field()).isEqualTo("risk");
    assertThat(conflict.localValue()).isEqualTo("K4×S2");
    assertThat(conflict.remoteValue()).isEqualTo("K1×S1");
    assertThat(here(id).assessedConsequence()).as("ours is not overwritten").isEqualTo(4);
    assertThat(sim.caseById(caseId).orElseThrow().consequence())
        .as("theirs is not overwritten")
        .isEqualTo(1);

    assertThat(
            admin.resolveConflict(conflict.id(), MedControlOperations.Resolution.LOCAL, OPERATOR))
        .isTrue();
    await("our assessment in MedControl PRO")
        .atMost(WITHIN)
        .until(() -> Integer.valueOf(4).equals(sim.caseById(caseId).orElseThrow().consequence()));
    assertThat(sim.caseById(caseId).orElseThrow().probability()).isEqualTo(2);
    assertThat(ledger.openConflicts(id)).isEmpty();
  }

  /** A unit with one handler, so that its inbox holds only this test's deviations. */
  private Actor handlerOfAUnitOfItsOwn() {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String unit = "SE9999999002-R" + suffix;
    String handlerId = "SE9999999002-RH" + suffix;
    masterData.saveUnit(TestCare.admin(), unit, "Hemsjukvården risk", TestCare.KOMMUN_A, true);
    masterData.appointHandler(TestCare.admin(), unit, handlerId, "Rita Handläggare", null);
    return new Actor(
        new PersonRef(handlerId, "Rita Handläggare"),
        unit,
        TestCare.KOMMUN_A,
        Set.of(unit),
        Set.of(),
        false);
  }
}
