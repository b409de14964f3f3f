package se.samla.deviation.core.deviation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;

/** A list page costs the same few statements whatever its size: no N+1 over rows or units. */
@CoreIntegrationTest
class ListQueryCountIT {

  @Autowired DeviationWorkflow workflow;
  @Autowired DeviationQueries queries;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired EntityManagerFactory entityManagerFactory;

  @Test
  void aPageOfFortyCostsNoMoreStatementsThanAPageOfTwo() {
    clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    TestCare.install(masterData);
    Actor reporter = Personas.wardNurse();
    for (int i = 0; i < 40; i++) {
      workflow.register(
          aDeviation().to(i % 2 == 0 ? TestCare.HOME_CARE_A : TestCare.HOME_CARE_B).build(),
          reporter);
    }

    long small = statementsFor(reporter, 2);
    long large = statementsFor(reporter, 40);

    assertThat(large).isEqualTo(small);
    assertThat(large).as("count, page, units, organisations").isLessThanOrEqualTo(4);
  }

  private long statementsFor(Actor reporter, int size) {
    Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    statistics.clear();
    var page =
        queries.list(
            DeviationListQuery.of(DeviationListQuery.View.REPORTED).withPage(0, size), reporter);
    assertThat(page.items()).hasSize(size);
    return statistics.getPrepareStatementCount();
  }
}
