package se.samla.deviation.core.deviation.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.DeviationEvent;
import se.samla.deviation.core.deviation.domain.NewDeviation;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.UnitRef;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;

/**
 * Why {@link NewAggregates} exists: a new deviation must be persisted, not merged. A merge selects
 * first, stores copies of the new timeline events (here: fails on them) instead of the events
 * themselves, and returns a copy the caller does not hold.
 */
@CoreIntegrationTest
class DeviationsIT {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final PersonRef REPORTER = new PersonRef("SE9999999001-R9", "Rita Rapportör");

  @Autowired Deviations deviations;
  @Autowired MasterData masterData;
  @Autowired EntityManager entityManager;
  @Autowired TransactionTemplate transaction;

  @BeforeEach
  void landscape() {
    TestCare.install(masterData);
  }

  @Test
  void persistStoresTheNewDeviationItselfWithItsOwnTimelineEvents() {
    Deviation deviation = aNewDeviation(UUID.randomUUID(), "Ny");

    transaction.executeWithoutResult(
        status -> {
          deviations.persist(deviation);

          assertThat(entityManager.contains(deviation)).as("the aggregate itself").isTrue();
          deviations.flush();
          assertThat(deviation.events()).isNotEmpty();
          for (DeviationEvent event : deviation.events()) {
            assertThat(entityManager.contains(event)).as("the event itself is stored").isTrue();
          }
        });

    assertThat(deviations.findById(deviation.id()))
        .get()
        .satisfies(
            stored -> {
              assertThat(stored.description()).isEqualTo("Ny");
              assertThat(stored.version()).isZero();
            });
  }

  @Test
  void aNewDeviationWithATakenIdIsRefusedAndDoesNotOverwriteTheStoredOne() {
    UUID id = UUID.randomUUID();
    transaction.executeWithoutResult(status -> deviations.persist(aNewDeviation(id, "Den första")));

    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      deviations.persist(aNewDeviation(id, "Den andra"));
                      deviations.flush();
                    }))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(deviations.findById(id))
        .get()
        .satisfies(stored -> assertThat(stored.description()).isEqualTo("Den första"));
  }

  /**
   * Spring Data's {@code save} cannot replace {@code persist} here: it would tell a new deviation
   * by its null {@code @Version}, but reads the version through the accessor {@code long
   * version()}, which gives 0, so it merges. When this fails, {@code save} has learnt to persist a
   * new deviation and {@link NewAggregates} can go.
   */
  @Test
  void springDataSaveWouldMergeANewDeviation() {
    Deviation deviation = aNewDeviation(UUID.randomUUID(), "Ny");

    transaction.executeWithoutResult(
        status -> {
          Deviation saved = deviations.save(deviation);
          assertThat(saved).as("a merged copy").isNotSameAs(deviation);
          status.setRollbackOnly();
        });
  }

  private static Deviation aNewDeviation(UUID id, String description) {
    NewDeviation data =
        new NewDeviation(
            NOW.minusSeconds(7200),
            NOW.minusSeconds(3600),
            new UnitRef(TestCare.WARD, TestCare.REGION),
            new UnitRef(TestCare.HOME_CARE_A, TestCare.KOMMUN_A),
            "INFORMATION_TRANSFER",
            description,
            null,
            Consequence.MINOR,
            Probability.LOW,
            null,
            null,
            false,
            false);
    String caseNumber = "T-" + id.toString().substring(0, 13);
    return Deviation.submit(id, caseNumber, data, REPORTER, NOW, DeadlinePolicy.defaults());
  }
}
