package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeviationOrigin;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.MedControlAnswer;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.RiskAssessment;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.medcontrol.client.CaseUpdate;
import se.samla.deviation.medcontrol.client.RemoteCase;

class CaseMappingTest {

  static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

  @ParameterizedTest
  @EnumSource(DeviationStatus.class)
  void everyStatusMapsThereAndBack(DeviationStatus status) {
    assertThat(CaseMapping.localStatus(CaseMapping.remoteStatus(status))).isEqualTo(status);
  }

  @Test
  void remoteStatusesMapToOurs() {
    assertThat(CaseMapping.localStatus("NEW")).isEqualTo(DeviationStatus.SUBMITTED);
    assertThat(CaseMapping.localStatus("IN_PROGRESS")).isEqualTo(DeviationStatus.ASSIGNED);
    assertThat(CaseMapping.localStatus("WAITING_FOR_INFORMATION"))
        .isEqualTo(DeviationStatus.INFORMATION_REQUESTED);
    assertThat(CaseMapping.remoteStatus(DeviationStatus.ANSWERED)).isEqualTo("ANSWERED");
  }

  @Test
  void anUnknownOrMissingStatusIsRefused() {
    assertThatThrownBy(() -> CaseMapping.localStatus("ESCALATED"))
        .isInstanceOf(UnmappableCaseException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> CaseMapping.localStatus(null))
        .isInstanceOf(UnmappableCaseException.class);
    assertThatThrownBy(() -> CaseMapping.shared(remote("ESCALATED", null)))
        .isInstanceOf(UnmappableCaseException.class);
  }

  @Test
  void anUpdateCarriesOnlyTheGivenFields() {
    MedControlSnapshot d = snapshot(answer("Utrett", "Orsak", "Åtgärd"));

    CaseUpdate handlerOnly = CaseMapping.toUpdate(EnumSet.of(SharedField.HANDLER), d);
    assertThat(handlerOnly.handler()).isEqualTo(new RemoteCase.Person("SE-H1", "Hanna"));
    assertThat(handlerOnly.status()).isNull();
    assertThat(handlerOnly.answer()).isNull();
    assertThat(handlerOnly.closedAt()).isNull();
    assertThat(handlerOnly.receivingUnitHsaId()).isNull();

    CaseUpdate statusAndAnswer =
        CaseMapping.toUpdate(EnumSet.of(SharedField.STATUS, SharedField.ANSWER), d);
    assertThat(statusAndAnswer.status()).isEqualTo("ANSWERED");
    assertThat(statusAndAnswer.answer().investigation()).isEqualTo("Utrett");
    assertThat(statusAndAnswer.handler()).isNull();
    assertThat(statusAndAnswer.receivingUnitHsaId()).isNull();

    assertThat(CaseMapping.toUpdate(Set.of(), d).isEmpty()).isTrue();
  }

  @Test
  void equalAnswerTextsHaveEqualDigestsOnBothSides() {
    MedControlSnapshot here = snapshot(answer("Utrett", "Orsak", "Åtgärd"));
    RemoteCase there =
        remote("ANSWERED", new RemoteCase.Answer("Utrett ", "Orsak", "Åtgärd", T.plusSeconds(9)));
    RemoteCase different =
        remote("ANSWERED", new RemoteCase.Answer("Utrett", "Annan orsak", "Åtgärd", T));

    String ours = CaseMapping.shared(here).get(SharedField.ANSWER);
    assertThat(ours).startsWith("sha256:").doesNotContain("Utrett");
    assertThat(CaseMapping.shared(there).get(SharedField.ANSWER)).isEqualTo(ours);
    assertThat(CaseMapping.shared(different).get(SharedField.ANSWER)).isNotEqualTo(ours);
  }

  @Test
  void theRiskIsComparedAsTheCurrentCellOnBothSides() {
    MedControlSnapshot estimateOnly = snapshot(null, 2, 3, null, null);
    MedControlSnapshot assessed = snapshot(null, 2, 3, 4, 1);
    MedControlSnapshot notAssessed = snapshot(null, null, null, null, null);

    assertThat(CaseMapping.shared(estimateOnly).get(SharedField.RISK)).isEqualTo("K2×S3");
    assertThat(CaseMapping.shared(assessed).get(SharedField.RISK)).isEqualTo("K4×S1");
    assertThat(CaseMapping.shared(notAssessed).get(SharedField.RISK)).isNull();
    assertThat(CaseMapping.shared(remote("NEW", null, 4, 1)).get(SharedField.RISK))
        .isEqualTo("K4×S1");
    assertThat(CaseMapping.shared(remote("NEW", null, null, null)).get(SharedField.RISK)).isNull();
    assertThat(CaseMapping.shared(remote("NEW", null, 3, null)).get(SharedField.RISK))
        .as("half a cell is no assessment")
        .isNull();
    assertThatThrownBy(() -> CaseMapping.shared(remote("NEW", null, 9, 1)))
        .isInstanceOf(UnmappableCaseException.class);
  }

  @Test
  void anUpdateCarriesTheCurrentRiskAndACreateTheReporterEstimate() {
    MedControlSnapshot assessed = snapshot(null, 2, 3, 4, 1);

    CaseUpdate risk = CaseMapping.toUpdate(EnumSet.of(SharedField.RISK), assessed);
    assertThat(risk.consequence()).isEqualTo(4);
    assertThat(risk.probability()).isEqualTo(1);
    assertThat(risk.status()).isNull();
    assertThat(CaseMapping.toUpdate(EnumSet.of(SharedField.STATUS), assessed).consequence())
        .isNull();
    assertThat(CaseMapping.toCreate(assessed).consequence()).isEqualTo(2);
    assertThat(CaseMapping.toCreate(assessed).probability()).isEqualTo(3);
    assertThat(CaseMapping.createdBase("SE-REC", 2, 3)).containsEntry(SharedField.RISK, "K2×S3");
    assertThat(CaseMapping.createdBase("SE-REC", null, null)).containsEntry(SharedField.RISK, null);
  }

  @Test
  void aRiskTakenFromMedControlBecomesTheChangesRisk() {
    var change = CaseMapping.toChange(EnumSet.of(SharedField.RISK), remote("NEW", null, 3, 4));
    assertThat(change.risk())
        .isEqualTo(new RiskAssessment(Consequence.SIGNIFICANT, Probability.VERY_HIGH));
    assertThat(change.status()).isNull();
    assertThat(
            CaseMapping.toChange(EnumSet.of(SharedField.STATUS), remote("NEW", null, 3, 4)).risk())
        .isNull();
  }

  private static MedControlAnswer answer(String investigation, String causes, String measures) {
    return new MedControlAnswer(investigation, causes, measures, T);
  }

  private static MedControlSnapshot snapshot(MedControlAnswer answer) {
    return snapshot(answer, 1, 1, null, null);
  }

  private static MedControlSnapshot snapshot(
      MedControlAnswer answer,
      Integer consequence,
      Integer probability,
      Integer assessedConsequence,
      Integer assessedProbability) {
    return new MedControlSnapshot(
        UUID.randomUUID(),
        "AV-1",
        3,
        DeviationOrigin.SAMVERKAN,
        DeviationStatus.ANSWERED,
        T,
        T,
        "SE-REP",
        "SE-REC",
        "SAM-01",
        "text",
        null,
        consequence,
        probability,
        assessedConsequence,
        assessedProbability,
        new PersonRef("SE-R1", "Rapportör"),
        new PersonRef("SE-H1", "Hanna"),
        answer,
        null,
        "case-1",
        null);
  }

  private static RemoteCase remote(String status, RemoteCase.Answer answer) {
    return remote(status, answer, 1, 1);
  }

  private static RemoteCase remote(
      String status, RemoteCase.Answer answer, Integer consequence, Integer probability) {
    return new RemoteCase(
        "case-1",
        2L,
        status,
        T,
        T,
        "x",
        null,
        "AV-1",
        T,
        T,
        "SE-REP",
        "SE-REC",
        "SAM-01",
        "text",
        null,
        consequence,
        probability,
        null,
        null,
        new RemoteCase.Person("SE-H1", "Hanna"),
        answer,
        null);
  }
}
