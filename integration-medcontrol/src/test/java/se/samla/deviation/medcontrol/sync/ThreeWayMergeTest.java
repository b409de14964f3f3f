package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The five cases of the three-way merge, for every shared field. */
class ThreeWayMergeTest {

  @ParameterizedTest
  @EnumSource(SharedField.class)
  void nobodyMovedChangesNothing(SharedField f) {
    ThreeWayMerge.Inbound m = ThreeWayMerge.inbound(values(f, "b"), values(f, "b"), values(f, "b"));

    assertThat(m.takeRemote()).isEmpty();
    assertThat(m.conflicts()).isEmpty();
    assertThat(m.newBase()).isEqualTo(values(f, "b"));
    assertThat(
            ThreeWayMerge.outbound(
                values(f, "b"), values(f, "b"), EnumSet.noneOf(SharedField.class)))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SharedField.class)
  void onlyTheRemoteMovedIsTakenHere(SharedField f) {
    ThreeWayMerge.Inbound m = ThreeWayMerge.inbound(values(f, "b"), values(f, "b"), values(f, "r"));

    assertThat(m.takeRemote()).containsExactly(f);
    assertThat(m.conflicts()).isEmpty();
    assertThat(m.newBase()).containsEntry(f, "r");
  }

  @ParameterizedTest
  @EnumSource(SharedField.class)
  void onlyWeMovedIsSentAndNotOverwritten(SharedField f) {
    ThreeWayMerge.Inbound m = ThreeWayMerge.inbound(values(f, "l"), values(f, "b"), values(f, "b"));

    assertThat(m.takeRemote()).isEmpty();
    assertThat(m.conflicts()).isEmpty();
    assertThat(m.newBase()).containsEntry(f, "b");
    assertThat(
            ThreeWayMerge.outbound(
                values(f, "l"), values(f, "b"), EnumSet.noneOf(SharedField.class)))
        .containsExactly(f);
  }

  @ParameterizedTest
  @EnumSource(SharedField.class)
  void bothMovedToTheSameValueAgree(SharedField f) {
    ThreeWayMerge.Inbound m = ThreeWayMerge.inbound(values(f, "x"), values(f, "b"), values(f, "x"));

    assertThat(m.takeRemote()).isEmpty();
    assertThat(m.conflicts()).isEmpty();
    assertThat(m.newBase()).containsEntry(f, "x");
    assertThat(
            ThreeWayMerge.outbound(values(f, "x"), m.newBase(), EnumSet.noneOf(SharedField.class)))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SharedField.class)
  void bothMovedDifferentlyIsAConflictThatKeepsTheBaseAndIsNotSent(SharedField f) {
    ThreeWayMerge.Inbound m = ThreeWayMerge.inbound(values(f, "l"), values(f, "b"), values(f, "r"));

    assertThat(m.takeRemote()).isEmpty();
    assertThat(m.conflicts()).containsExactly(f);
    assertThat(m.newBase()).containsEntry(f, "b");
    assertThat(ThreeWayMerge.outbound(values(f, "l"), m.newBase(), EnumSet.of(f))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SharedField.class)
  void aFieldSetFromNothingOnlyRemotelyIsTaken(SharedField f) {
    Map<SharedField, String> none = values(f, null);
    ThreeWayMerge.Inbound m = ThreeWayMerge.inbound(none, none, values(f, "r"));

    assertThat(m.takeRemote()).containsExactly(f);
    assertThat(m.newBase()).containsEntry(f, "r");
  }

  @org.junit.jupiter.api.Test
  void aRiskAssessedOnlyHereIsSentAndOnlyThereIsTaken() {
    Map<SharedField, String> base = values(SharedField.RISK, "K2×S3");
    Map<SharedField, String> assessedHere = values(SharedField.RISK, "K4×S2");
    Map<SharedField, String> assessedThere = values(SharedField.RISK, "K1×S1");

    assertThat(ThreeWayMerge.outbound(assessedHere, base, EnumSet.noneOf(SharedField.class)))
        .containsExactly(SharedField.RISK);
    assertThat(ThreeWayMerge.inbound(assessedHere, base, base).takeRemote()).isEmpty();
    assertThat(ThreeWayMerge.inbound(base, base, assessedThere).takeRemote())
        .containsExactly(SharedField.RISK);
    ThreeWayMerge.Inbound clash = ThreeWayMerge.inbound(assessedHere, base, assessedThere);
    assertThat(clash.conflicts()).containsExactly(SharedField.RISK);
    assertThat(clash.newBase()).containsEntry(SharedField.RISK, "K2×S3");
  }

  @org.junit.jupiter.api.Test
  void aCaseImportedWithoutRiskTakesARiskSetThereAndSendsOneSetHere() {
    Map<SharedField, String> none = values(SharedField.RISK, null);
    assertThat(ThreeWayMerge.inbound(none, none, values(SharedField.RISK, "K3×S3")).takeRemote())
        .containsExactly(SharedField.RISK);
    assertThat(
            ThreeWayMerge.outbound(
                values(SharedField.RISK, "K3×S3"), none, EnumSet.noneOf(SharedField.class)))
        .containsExactly(SharedField.RISK);
  }

  /** Every field "same", except f which has the given value. */
  private static Map<SharedField, String> values(SharedField f, String value) {
    Map<SharedField, String> m = new EnumMap<>(SharedField.class);
    for (SharedField other : SharedField.values()) {
      m.put(other, "same-" + other.key());
    }
    m.put(f, value);
    return m;
  }
}
