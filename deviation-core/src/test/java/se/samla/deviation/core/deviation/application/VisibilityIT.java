package se.samla.deviation.core.deviation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.PageResult;
import se.samla.deviation.core.deviation.domain.DeviationPermissions;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.infrastructure.Deviations;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;

/**
 * Users of one organisation never see another's rows, in any query; and the SQL visibility of the
 * lists is exactly the domain rule {@link DeviationPermissions#canView}.
 */
@CoreIntegrationTest
class VisibilityIT {

  @Autowired DeviationWorkflow workflow;
  @Autowired DeviationQueries queries;
  @Autowired Deviations deviations;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired TransactionTemplate transaction;

  Actor wardNurse;
  Actor nurseA;
  Actor nurseB;
  UUID regionToA;
  UUID aToRegion;
  UUID bToA;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    TestCare.install(masterData);
    wardNurse = Personas.wardNurse();
    nurseA = Personas.homeCareNurseA();
    nurseB = Personas.homeCareNurseB();
    regionToA = workflow.register(aDeviation().to(TestCare.HOME_CARE_A).build(), wardNurse).id();
    aToRegion = workflow.register(aDeviation().to(TestCare.WARD).build(), nurseA).id();
    bToA = workflow.register(aDeviation().to(TestCare.HOME_CARE_A).build(), nurseB).id();
  }

  @Test
  void organisationBSeesNothingBetweenTheRegionAndA() {
    for (Actor b : List.of(Personas.homeCareHandlerB(), Personas.coordinatorB(), nurseB)) {
      Set<UUID> seen = everythingListed(b);
      assertThat(seen).as(b.person().name()).doesNotContain(regionToA, aToRegion);
      for (UUID hidden : List.of(regionToA, aToRegion)) {
        assertThatThrownBy(() -> queries.get(hidden, b)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.timeline(hidden, b)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                () ->
                    workflow.comment(
                        new CommentDeviationCommand(
                            hidden,
                            "hej",
                            se.samla.deviation.core.deviation.domain.Visibility.SHARED,
                            null),
                        b))
            .isInstanceOf(NotFoundException.class);
      }
    }
  }

  @Test
  void eachViewShowsItsOwnSlice() {
    assertThat(
            ids(queries.list(DeviationListQuery.of(DeviationListQuery.View.REPORTED), wardNurse)))
        .containsExactly(regionToA);
    assertThat(all(DeviationListQuery.View.INBOX, Personas.homeCareHandlerA()))
        .contains(regionToA, bToA)
        .doesNotContain(aToRegion);
    assertThat(all(DeviationListQuery.View.INBOX, Personas.wardHandler()))
        .contains(aToRegion)
        .doesNotContain(regionToA, bToA);
    assertThat(all(DeviationListQuery.View.ORGANISATION, Personas.coordinatorA()))
        .as("both directions of municipality A")
        .contains(regionToA, aToRegion, bToA);
    assertThat(all(DeviationListQuery.View.ORGANISATION, Personas.coordinatorB()))
        .contains(bToA)
        .doesNotContain(regionToA, aToRegion);
    assertThat(all(DeviationListQuery.View.INBOX, wardNurse)).as("no handler units").isEmpty();
  }

  @Test
  void theListsShowExactlyWhatTheDomainRuleAllows() {
    List<Actor> everyone =
        List.of(
            wardNurse,
            nurseA,
            nurseB,
            Personas.wardHandler(),
            Personas.homeCareHandlerA(),
            Personas.homeCareHandlerB(),
            Personas.regionCoordinator(),
            Personas.coordinatorA(),
            Personas.coordinatorB());
    for (Actor actor : everyone) {
      Set<UUID> allowed =
          transaction.execute(
              tx ->
                  deviations.findAll().stream()
                      .filter(d -> DeviationPermissions.canView(actor, d))
                      .map(d -> d.id())
                      .collect(Collectors.toSet()));
      assertThat(everythingListed(actor)).as(actor.person().name()).isEqualTo(allowed);
    }
  }

  @Test
  void filtersNarrowButNeverWiden() {
    workflow.assign(new AssignDeviationCommand(regionToA, null, null), Personas.homeCareHandlerA());
    DeviationListQuery assignedOnly =
        DeviationListQuery.of(DeviationListQuery.View.ORGANISATION)
            .withStatuses(Set.of(DeviationStatus.ASSIGNED))
            .withPage(0, 200);
    assertThat(ids(queries.list(assignedOnly, Personas.coordinatorA()))).contains(regionToA);
    assertThat(ids(queries.list(assignedOnly, Personas.coordinatorB()))).doesNotContain(regionToA);

    clock.set(Instant.parse("2026-12-31T09:00:00Z"));
    DeviationListQuery overdue =
        DeviationListQuery.of(DeviationListQuery.View.INBOX).withOverdueOnly().withPage(0, 200);
    assertThat(all(overdue, Personas.homeCareHandlerA()))
        .as("bToA was never acknowledged; regionToA was assigned in time")
        .contains(bToA)
        .doesNotContain(regionToA);
  }

  @Test
  void pagingCountsOnlyVisibleRows() {
    PageResult<DeviationSummary> page =
        queries.list(
            DeviationListQuery.of(DeviationListQuery.View.REPORTED).withPage(0, 1), nurseB);
    assertThat(page.totalItems()).isEqualTo(1);
    assertThat(page.items()).extracting(DeviationSummary::id).containsExactly(bToA);
  }

  private Set<UUID> everythingListed(Actor actor) {
    Set<UUID> seen = new HashSet<>();
    for (DeviationListQuery.View view : DeviationListQuery.View.values()) {
      seen.addAll(all(view, actor));
    }
    return seen;
  }

  private Set<UUID> all(DeviationListQuery.View view, Actor actor) {
    return all(DeviationListQuery.of(view), actor);
  }

  private Set<UUID> all(DeviationListQuery query, Actor actor) {
    Set<UUID> seen = new HashSet<>();
    int page = 0;
    PageResult<DeviationSummary> result;
    do {
      result = queries.list(query.withPage(page++, DeviationListQuery.MAX_SIZE), actor);
      seen.addAll(ids(result));
    } while (result.items().size() == DeviationListQuery.MAX_SIZE);
    return seen;
  }

  private static List<UUID> ids(PageResult<DeviationSummary> page) {
    return page.items().stream().map(DeviationSummary::id).toList();
  }
}
