package se.samla.deviation.core.patient.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.deviation.application.DeviationQueries;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.MutableClock;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.core.patient.domain.PatientDataCipher;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;
import se.samla.deviation.core.patient.infrastructure.PatientCryptoProperties;

/** Data written under an old key stays readable, and rotation moves it to the active key. */
@CoreIntegrationTest
class PatientKeyRotationIT {

  @Autowired DeviationWorkflow workflow;
  @Autowired DeviationQueries queries;
  @Autowired PatientKeyRotation rotation;
  @Autowired PatientDataCipher cipher;
  @Autowired PatientCryptoProperties properties;
  @Autowired MasterData masterData;
  @Autowired MutableClock clock;
  @Autowired JdbcTemplate jdbc;

  @Test
  void oldKeyDataIsReadableAndRotatesToTheActiveKey() {
    clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    TestCare.install(masterData);
    Actor reporter = Personas.wardNurse();
    UUID id = workflow.register(aDeviation().patient(TestPatients.ADULT).build(), reporter).id();

    // As if written before the rotation: the same number under the previous key "test-2025".
    PatientDataCipher before = new PatientDataCipher(properties.secretKeys(), "test-2025");
    byte[] old =
        before.encrypt(
            PersonalIdentityNumber.parse(TestPatients.ADULT, LocalDate.of(2026, 11, 23)));
    jdbc.update("update deviation set patient_ciphertext = ? where id = ?", old, id);
    assertThat(queries.get(id, reporter).patient().personalIdentityNumber())
        .isEqualTo(TestPatients.ADULT);

    assertThat(rotation.reencryptAll(2)).isGreaterThanOrEqualTo(1);

    byte[] now =
        jdbc.queryForObject(
            "select patient_ciphertext from deviation where id = ?", byte[].class, id);
    assertThat(cipher.keyIdOf(now)).isEqualTo("test-2026");
    assertThat(queries.get(id, reporter).patient().personalIdentityNumber())
        .isEqualTo(TestPatients.ADULT);
    assertThat(queries.get(id, reporter).version()).as("no new version of the deviation").isZero();
    assertThat(rotation.reencryptAll(50)).as("nothing left to move").isZero();
  }
}
