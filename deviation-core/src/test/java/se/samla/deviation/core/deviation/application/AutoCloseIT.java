package se.samla.deviation.core.deviation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;

@CoreIntegrationTest
class AutoCloseIT {

  @Autowired DeviationWorkflow workflow;
  @Autowired DeviationQueries queries;
  @Autowired AutoCloseAnsweredDeviations autoClose;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired JdbcTemplate jdbc;

  Actor reporter;
  Actor handler;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    TestCare.install(masterData);
    reporter = Personas.wardNurse();
    handler = Personas.homeCareHandlerA();
  }

  @Test
  void anAnswerWithoutReactionClosesAfterThirtyDaysAndNotBefore() {
    UUID id = answeredDeviation();
    clock.advance(Duration.ofDays(29));
    autoClose.run();
    assertThat(queries.get(id, reporter).status()).isEqualTo(DeviationStatus.ANSWERED);

    clock.advance(Duration.ofDays(1).plusSeconds(1));
    autoClose.run();
    DeviationView closed = queries.get(id, reporter);
    assertThat(closed.status()).isEqualTo(DeviationStatus.CLOSED);
    assertThat(queries.timeline(id, reporter))
        .last()
        .satisfies(e -> assertThat(e.by().hsaId()).isEqualTo("SYSTEM"));
  }

  @Test
  void twoInstancesRunningAtOnceCloseEachDeviationOnce() {
    List<UUID> answered = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answered.add(answeredDeviation());
    }
    clock.advance(Duration.ofDays(31));

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(autoClose::run);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(autoClose::run);
    first.join();
    second.join();

    for (UUID id : answered) {
      assertThat(queries.get(id, reporter).status()).isEqualTo(DeviationStatus.CLOSED);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from deviation_event where deviation_id = ? and type = 'AUTO_CLOSED'",
                  Integer.class,
                  id))
          .isEqualTo(1);
    }
  }

  @Test
  void aRunWhileAnotherInstanceHoldsTheLockDoesNothing() throws Exception {
    UUID id = answeredDeviation();
    clock.advance(Duration.ofDays(31));
    var lock =
        ((org.springframework.integration.support.locks.LockRegistry)
                org.springframework.test.util.ReflectionTestUtils.getField(autoClose, "locks"))
            .obtain(AutoCloseAnsweredDeviations.LOCK_KEY);
    CompletableFuture<Integer> otherInstance;
    lock.lock();
    try {
      otherInstance = CompletableFuture.supplyAsync(autoClose::run);
      assertThat(otherInstance.get()).isEqualTo(-1);
    } finally {
      lock.unlock();
    }
    assertThat(queries.get(id, reporter).status()).isEqualTo(DeviationStatus.ANSWERED);
  }

  private UUID answeredDeviation() {
    UUID id = workflow.register(aDeviation().build(), reporter).id();
    workflow.assign(new AssignDeviationCommand(id, null, null), handler);
    workflow.answer(
        new AnswerDeviationCommand(id, "Utredning gjord.", null, "Rutinen är uppdaterad.", null),
        handler);
    return id;
  }
}
