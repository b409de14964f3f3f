package se.samla.deviation.core.deviation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;

/** Who may see and do what, for each relation to a deviation from the ward to home care A. */
class DeviationPermissionsTest {

  static final String REGION = "SE9999999001-ORG";
  static final String KOMMUN_A = "SE9999999002-ORG";
  static final String KOMMUN_B = "SE9999999003-ORG";

  final Deviation assigned = DeviationTransitionsTest.inStatus(DeviationStatus.ASSIGNED);

  final Actor reporter = actor(DeviationTransitionsTest.REPORTER, Set.of(), Set.of());
  final Actor assignedHandler =
      actor(
          DeviationTransitionsTest.HANDLER,
          Set.of(DeviationTransitionsTest.HOME_CARE.hsaId()),
          Set.of());
  final Actor otherHandlerSameUnit =
      actor(
          new PersonRef("SE9999999002-H9", "Annan handläggare"),
          Set.of(DeviationTransitionsTest.HOME_CARE.hsaId()),
          Set.of());
  final Actor handlerOtherUnitSameOrg =
      actor(
          new PersonRef("SE9999999002-H8", "Korttid"),
          Set.of(DeviationTransitionsTest.SHORT_TERM.hsaId()),
          Set.of());
  final Actor receivingCoordinator =
      actor(new PersonRef("SE9999999002-C1", "MAS A"), Set.of(), Set.of(KOMMUN_A));
  final Actor reportingCoordinator =
      actor(new PersonRef("SE9999999001-C1", "Regionsamordnare"), Set.of(), Set.of(REGION));
  final Actor outsider =
      actor(
          new PersonRef("SE9999999003-C1", "MAS B"), Set.of("SE9999999003-U01"), Set.of(KOMMUN_B));
  final Actor colleagueOfReporter =
      actor(new PersonRef("SE9999999001-R9", "Kollega"), Set.of(), Set.of());

  @Test
  void visibility() {
    assertThat(DeviationPermissions.canView(reporter, assigned)).isTrue();
    assertThat(DeviationPermissions.canView(assignedHandler, assigned)).isTrue();
    assertThat(DeviationPermissions.canView(otherHandlerSameUnit, assigned)).isTrue();
    assertThat(DeviationPermissions.canView(receivingCoordinator, assigned)).isTrue();
    assertThat(DeviationPermissions.canView(reportingCoordinator, assigned)).isTrue();
    assertThat(DeviationPermissions.canView(handlerOtherUnitSameOrg, assigned)).isFalse();
    assertThat(DeviationPermissions.canView(outsider, assigned)).isFalse();
    assertThat(DeviationPermissions.canView(colleagueOfReporter, assigned)).isFalse();
  }

  @Test
  void onlyTheReceivingSideHandlesTheCase() {
    for (DeviationAction a :
        Set.of(DeviationAction.ASSIGN, DeviationAction.FORWARD, DeviationAction.RETURN)) {
      assertThat(DeviationPermissions.may(assignedHandler, a, assigned)).as(a.name()).isTrue();
      assertThat(DeviationPermissions.may(otherHandlerSameUnit, a, assigned)).as(a.name()).isTrue();
      assertThat(DeviationPermissions.may(receivingCoordinator, a, assigned)).as(a.name()).isTrue();
      assertThat(DeviationPermissions.may(reporter, a, assigned)).as(a.name()).isFalse();
      assertThat(DeviationPermissions.may(reportingCoordinator, a, assigned))
          .as(a.name())
          .isFalse();
      assertThat(DeviationPermissions.may(outsider, a, assigned)).as(a.name()).isFalse();
    }
  }

  @Test
  void onlyTheAssignedHandlerAnswersAndAsks() {
    for (DeviationAction a : Set.of(DeviationAction.ANSWER, DeviationAction.REQUEST_INFORMATION)) {
      assertThat(DeviationPermissions.may(assignedHandler, a, assigned)).as(a.name()).isTrue();
      assertThat(DeviationPermissions.may(otherHandlerSameUnit, a, assigned))
          .as(a.name())
          .isFalse();
      assertThat(DeviationPermissions.may(receivingCoordinator, a, assigned))
          .as(a.name())
          .isFalse();
      assertThat(DeviationPermissions.may(reporter, a, assigned)).as(a.name()).isFalse();
    }
  }

  @Test
  void aHandlerWhoLostTheAppointmentMayNoLongerAnswer() {
    Actor formerHandler = actor(DeviationTransitionsTest.HANDLER, Set.of(), Set.of());
    assertThat(DeviationPermissions.may(formerHandler, DeviationAction.ANSWER, assigned)).isFalse();
  }

  @Test
  void theReportingSideAcceptsDisputesAndSupplies() {
    for (DeviationAction a :
        Set.of(
            DeviationAction.ACCEPT, DeviationAction.DISPUTE, DeviationAction.SUPPLY_INFORMATION)) {
      assertThat(DeviationPermissions.may(reporter, a, assigned)).as(a.name()).isTrue();
      assertThat(DeviationPermissions.may(reportingCoordinator, a, assigned)).as(a.name()).isTrue();
      assertThat(DeviationPermissions.may(assignedHandler, a, assigned)).as(a.name()).isFalse();
      assertThat(DeviationPermissions.may(receivingCoordinator, a, assigned))
          .as(a.name())
          .isFalse();
    }
  }

  @Test
  void onlyTheReporterWithdrawsAndResubmits() {
    for (DeviationAction a : Set.of(DeviationAction.WITHDRAW, DeviationAction.RESUBMIT)) {
      assertThat(DeviationPermissions.may(reporter, a, assigned)).as(a.name()).isTrue();
      assertThat(DeviationPermissions.may(reportingCoordinator, a, assigned))
          .as(a.name())
          .isFalse();
      assertThat(DeviationPermissions.may(assignedHandler, a, assigned)).as(a.name()).isFalse();
    }
  }

  @Test
  void internalCommentsBelongToTheReceivingSide() {
    assertThat(
            DeviationPermissions.may(assignedHandler, DeviationAction.COMMENT_INTERNAL, assigned))
        .isTrue();
    assertThat(DeviationPermissions.may(reporter, DeviationAction.COMMENT_INTERNAL, assigned))
        .isFalse();
    assertThat(DeviationPermissions.canSeeInternal(reporter, assigned)).isFalse();
    assertThat(DeviationPermissions.canSeeInternal(receivingCoordinator, assigned)).isTrue();
    assertThat(DeviationPermissions.may(reporter, DeviationAction.COMMENT, assigned)).isTrue();
    assertThat(DeviationPermissions.may(outsider, DeviationAction.COMMENT, assigned)).isFalse();
  }

  @Test
  void theReceivingSideAssessesTheRisk() {
    DeviationAction a = DeviationAction.ASSESS_RISK;
    assertThat(DeviationPermissions.may(assignedHandler, a, assigned)).isTrue();
    assertThat(DeviationPermissions.may(otherHandlerSameUnit, a, assigned)).isTrue();
    assertThat(DeviationPermissions.may(receivingCoordinator, a, assigned)).isTrue();
    assertThat(DeviationPermissions.may(reporter, a, assigned)).isFalse();
    assertThat(DeviationPermissions.may(reportingCoordinator, a, assigned)).isFalse();
    assertThat(DeviationPermissions.may(handlerOtherUnitSameOrg, a, assigned)).isFalse();
    assertThat(DeviationPermissions.may(outsider, a, assigned)).isFalse();
  }

  private static Actor actor(PersonRef person, Set<String> handles, Set<String> coordinates) {
    return new Actor(person, null, null, handles, coordinates, false);
  }
}
