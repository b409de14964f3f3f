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
import se.samla.deviation.core.deviation.domain.DeviationOrigin;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.MedControlAnswer;
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

  private static MedControlAnswer answer(String investigation, String causes, String measures) {
    return new MedControlAnswer(investigation, causes, measures, T);
  }

  private static MedControlSnapshot snapshot(MedControlAnswer answer) {
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
        1,
        1,
        new PersonRef("SE-R1", "Rapportör"),
        new PersonRef("SE-H1", "Hanna"),
        answer,
        null,
        "case-1",
        null);
  }

  private static RemoteCase remote(String status, RemoteCase.Answer answer) {
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
        1,
        1,
        null,
        null,
        new RemoteCase.Person("SE-H1", "Hanna"),
        answer,
        null);
  }
}
