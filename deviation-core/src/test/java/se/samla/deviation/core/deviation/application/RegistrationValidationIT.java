package se.samla.deviation.core.deviation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;

/** Invalid registrations fail with errors that name the fields, and store nothing at all. */
@CoreIntegrationTest
class RegistrationValidationIT {

  @Autowired DeviationWorkflow workflow;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired JdbcTemplate jdbc;

  Actor reporter;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    TestCare.install(masterData);
    reporter = Personas.wardNurse();
  }

  @Test
  void aTooShortDescriptionIsNamed() {
    assertRejected(() -> aDeviation().description("Kort").build(), "description");
  }

  @Test
  void anUnknownReceivingUnitIsNamed() {
    assertRejected(() -> aDeviation().to("SE9999999999-NOPE").build(), "receivingUnitHsaId");
  }

  @Test
  void anUnknownCategoryIsNamed() {
    assertRejected(() -> aDeviation().category("NO_SUCH").build(), "categoryCode");
  }

  @Test
  void aMissingRiskIsNamed() {
    assertRejected(() -> aDeviation().risk(null, null).build(), "consequence", "probability");
  }

  @Test
  void timesInTheFutureOrOutOfOrderAreNamed() {
    assertRejected(
        () -> aDeviation().occurredAt(Instant.parse("2026-11-24T09:00:00Z")).build(),
        "discoveredAt",
        "occurredAt");
    assertRejected(
        () ->
            aDeviation()
                .occurredAt(Instant.parse("2026-11-20T10:00:00Z"))
                .discoveredAt(Instant.parse("2026-11-19T10:00:00Z"))
                .build(),
        "discoveredAt");
  }

  @Test
  void anInvalidPersonnummerIsNamedButNeverEchoed() {
    String wrong = TestPatients.withWrongCheckDigit(TestPatients.ADULT);
    ValidationFailedException e =
        assertRejected(() -> aDeviation().patient(wrong).build(), "patient.personalIdentityNumber");
    String digits = wrong.replace("-", "");
    assertThat(e.getMessage()).doesNotContain(digits).doesNotContain(digits.substring(2, 8));
    assertThat(e.errors().toString()).doesNotContain(digits.substring(2, 8));
  }

  /** PostgreSQL refuses U+0000: it must be refused here, before any SQL, naming the fields. */
  @Test
  void controlCharactersAreNamedBeforeAnythingReachesTheDatabase() {
    assertRejected(
        () ->
            aDeviation()
                .description("Patienten skrevs ut\u0000 utan lista.")
                .immediateActions("Ringde\u0007 avdelningen.")
                .to(TestCare.HOME_CARE_A + "\u0000")
                .category("INFORMATION_TRANSFER\u001B")
                .patient(TestPatients.ADULT + "\u0000")
                .build(),
        "categoryCode",
        "description",
        "immediateActions",
        "patient.personalIdentityNumber",
        "receivingUnitHsaId");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ValidationFailedException e =
        assertRejected(
            () ->
                aDeviation()
                    .description("")
                    .to("SE9999999999-NOPE")
                    .category("NO_SUCH")
                    .patient("12345")
                    .build(),
            "categoryCode",
            "description",
            "patient.personalIdentityNumber",
            "receivingUnitHsaId");
    assertThat(e.errors()).allSatisfy(err -> assertThat(err.message()).isNotBlank());
  }

  private ValidationFailedException assertRejected(
      Supplier<RegisterDeviationCommand> command, String... fields) {
    long deviationsBefore = count("deviation");
    long eventsBefore = count("deviation_event");
    long counterBefore = counter();
    ValidationFailedException thrown =
        (ValidationFailedException)
            catchThrowable(() -> workflow.register(command.get(), reporter));
    assertThat(thrown).isNotNull();
    assertThat(thrown.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(fields);
    assertThat(count("deviation")).as("no deviation stored").isEqualTo(deviationsBefore);
    assertThat(count("deviation_event")).as("no event stored").isEqualTo(eventsBefore);
    assertThat(counter()).as("no case number spent").isEqualTo(counterBefore);
    return thrown;
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private long counter() {
    return jdbc.queryForObject(
        "select coalesce(sum(last_value), 0) from case_number_counter", Long.class);
  }
}
