package se.samla.deviation.laptop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.CoreTestApplication;
import se.samla.deviation.core.access.domain.HsaId;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.patient.domain.PatientProtector;
import se.samla.deviation.core.patient.domain.ProtectedPatient;

/** The demo landscape, as loaded at startup by the application runner. */
@SpringBootTest(
    classes = CoreTestApplication.class,
    properties = {"deviation.embedded-database.enabled=true", "deviation.demo-data.enabled=true"})
class DemoDataLoaderIT {

  private static final String REAL_VGR_ORGANISATION_NUMBER = "SE2321000131";

  @Autowired JdbcTemplate jdbc;
  @Autowired DemoDataLoader loader;
  @Autowired Clock clock;
  @Autowired PatientProtector patients;

  @Test
  void loadsTheConfiguredNumberOfDeviations() {
    assertThat(count("select count(*) from deviation")).isEqualTo(200);
    assertThat(count("select count(*) from organisation")).isEqualTo(4);
    assertThat(count("select count(*) from unit")).isEqualTo(13);
  }

  @Test
  void everyStatusIsPresent() {
    List<String> statuses =
        jdbc.queryForList("select distinct status from deviation", String.class);

    assertThat(statuses)
        .containsExactlyInAnyOrder(
            Stream.of(DeviationStatus.values()).map(Enum::name).toArray(String[]::new));
  }

  @Test
  void deviationsTakeEveryPathThroughTheWorkflow() {
    List<String> types =
        jdbc.queryForList("select distinct type from deviation_event", String.class);

    assertThat(types)
        .contains(
            "SUBMITTED",
            "ASSIGNED",
            "FORWARDED",
            "RETURNED",
            "RESUBMITTED",
            "INFORMATION_REQUESTED",
            "INFORMATION_SUPPLIED",
            "ANSWERED",
            "DISPUTED",
            "ACCEPTED",
            "AUTO_CLOSED",
            "WITHDRAWN",
            "COMMENTED");
  }

  @Test
  void deviationsGoInEveryDirection() {
    List<String> directions =
        jdbc.queryForList(
            """
            select distinct f.kind || '>' || t.kind from deviation d
            join organisation f on f.hsa_id = d.reporting_organisation_hsa_id
            join organisation t on t.hsa_id = d.receiving_organisation_hsa_id
            """,
            String.class);

    assertThat(directions)
        .contains(
            "REGION>MUNICIPALITY",
            "MUNICIPALITY>REGION",
            "REGION>PRIVATE",
            "PRIVATE>REGION",
            "MUNICIPALITY>PRIVATE",
            "PRIVATE>MUNICIPALITY");
  }

  @Test
  void deviationsSpreadOverEightQuartersAndNeverIntoTheFuture() {
    Integer quarters =
        jdbc.queryForObject(
            "select count(distinct date_trunc('quarter', submitted_at at time zone"
                + " 'Europe/Stockholm')) from deviation",
            Integer.class);
    Instant latestEvent =
        jdbc.queryForObject("select max(occurred_at) from deviation_event", Instant.class);
    int eventsOutOfOrder =
        count(
            """
            select count(*) from deviation_event a join deviation_event b
              on a.deviation_id = b.deviation_id and b.sequence_no = a.sequence_no + 1
            where b.occurred_at < a.occurred_at
            """);

    assertThat(quarters).isEqualTo(8);
    assertThat(latestEvent).isBeforeOrEqualTo(clock.instant());
    assertThat(eventsOutOfOrder).isZero();
  }

  @Test
  void oldDeviationsAreMostlyClosedAndRecentOnesMostlyOpen() {
    Instant now = clock.instant();
    double oldClosed =
        share(
            "status in ('CLOSED', 'WITHDRAWN')",
            "submitted_at < ?",
            now.minus(Duration.ofDays(180)));
    double recentOpen =
        share(
            "status not in ('CLOSED', 'WITHDRAWN')",
            "submitted_at > ?",
            now.minus(Duration.ofDays(30)));

    assertThat(oldClosed).isGreaterThan(0.85);
    assertThat(recentOpen).isGreaterThan(0.6);
  }

  @Test
  void everyCategoryVariedRiskAndSomeLexFlags() {
    assertThat(count("select count(distinct category_code) from deviation"))
        .isEqualTo(count("select count(*) from category where active"));
    assertThat(count("select count(distinct consequence || probability) from deviation"))
        .isGreaterThanOrEqualTo(12);
    assertThat(count("select count(*) from deviation where possible_lex_maria")).isBetween(1, 40);
    assertThat(count("select count(*) from deviation where possible_lex_sarah")).isBetween(1, 20);
  }

  @Test
  void caseNumbersCarryTheSwedishYearOfSubmission() {
    List<Map<String, Object>> rows =
        jdbc.queryForList("select case_number, submitted_at from deviation");

    assertThat(rows)
        .allSatisfy(
            row -> {
              int year =
                  ((java.sql.Timestamp) row.get("submitted_at"))
                      .toInstant()
                      .atZone(ZoneId.of("Europe/Stockholm"))
                      .getYear();
              assertThat((String) row.get("case_number")).matches("SAMLA-" + year + "-\\d{6}");
            });
  }

  @Test
  void somePatientsAreFictionalAndComeBackInSeveralDeviations() {
    List<ProtectedPatient> stored =
        jdbc.query(
            "select patient_ciphertext, patient_pseudonym from deviation"
                + " where patient_pseudonym is not null",
            (rs, i) -> new ProtectedPatient(rs.getBytes(1), rs.getString(2)));
    int distinct = count("select count(distinct patient_pseudonym) from deviation");

    assertThat(stored).hasSizeBetween(30, 120);
    assertThat(distinct).isLessThan(stored.size());
    // Only the birth year leaves the decrypted number, so a failure prints no personnummer.
    List<Integer> birthYears = new ArrayList<>();
    for (ProtectedPatient patient : stored) {
      birthYears.add(patients.reveal(patient).birthDate().getYear());
    }
    assertThat(birthYears).allSatisfy(year -> assertThat(year).isBetween(1925, 1960));
  }

  @Test
  void loadingAgainAddsNothing() {
    int deviations = count("select count(*) from deviation");
    int events = count("select count(*) from deviation_event");
    int appointments = count("select count(*) from handler_appointment");

    assertThat(loader.load()).isEmpty();

    assertThat(count("select count(*) from deviation")).isEqualTo(deviations);
    assertThat(count("select count(*) from deviation_event")).isEqualTo(events);
    assertThat(count("select count(*) from handler_appointment")).isEqualTo(appointments);
  }

  @Test
  void everyDemoHsaIdIsValidAndFictional() {
    List<String> ids =
        new ArrayList<>(
            jdbc.queryForList(
                """
                select hsa_id from organisation
                union select hsa_id from unit
                union select person_hsa_id from handler_appointment
                union select person_hsa_id from coordinator_appointment
                union select reporter_hsa_id from deviation
                union select actor_hsa_id from deviation_event where actor_hsa_id <> 'SYSTEM'
                """,
                String.class));
    DemoPersonas.LOGIN_PERSONAS.forEach(
        p -> {
          ids.add(p.hsaId());
          ids.add(p.unitHsaId());
          ids.add(p.organisationHsaId());
        });

    assertThat(ids)
        .hasSizeGreaterThan(50)
        .allSatisfy(
            id -> {
              assertThat(HsaId.isValid(id)).as(id).isTrue();
              assertThat(id).startsWith("SE000000000").doesNotContain(REAL_VGR_ORGANISATION_NUMBER);
            });
  }

  @Test
  void theLoginPersonasHaveTheirAppointments() {
    assertThat(
            count(
                "select count(*) from handler_appointment where person_hsa_id = ? and unit_hsa_id = ?",
                DemoPersonas.HANDLER_MEDICIN_1.hsaId(),
                DemoLandscape.MEDICIN_1))
        .isOne();
    assertThat(
            count(
                "select count(*) from handler_appointment where person_hsa_id = ? and unit_hsa_id = ?",
                DemoPersonas.HANDLER_HEMSJUKVARD_ALINGSAS.hsaId(),
                DemoLandscape.HEMSJUKVARD_ALINGSAS))
        .isOne();
    assertThat(
            count(
                "select count(*) from coordinator_appointment"
                    + " where person_hsa_id = ? and organisation_hsa_id = ?",
                DemoPersonas.MAS_ALINGSAS.hsaId(),
                DemoLandscape.ALINGSAS_KOMMUN))
        .isOne();
    assertThat(
            count(
                "select count(*) from deviation where reporter_hsa_id = ?",
                DemoPersonas.REPORTER_MEDICIN_1.hsaId()))
        .isPositive();
    assertThat(
            count(
                "select count(*) from deviation where receiving_unit_hsa_id = ?",
                DemoLandscape.HEMSJUKVARD_ALINGSAS))
        .isPositive();
    assertThat(
            count(
                "select count(*) from deviation where receiving_unit_hsa_id = ?",
                DemoLandscape.MEDICIN_1))
        .isPositive();
  }

  private int count(String sql, Object... args) {
    Integer count = jdbc.queryForObject(sql, Integer.class, args);
    return count == null ? 0 : count;
  }

  private double share(String condition, String among, Instant since) {
    int all = count("select count(*) from deviation where " + among, timestamp(since));
    int matching =
        count(
            "select count(*) from deviation where " + among + " and " + condition,
            timestamp(since));
    assertThat(all).isPositive();
    return (double) matching / all;
  }

  private static java.sql.Timestamp timestamp(Instant instant) {
    return java.sql.Timestamp.from(instant);
  }
}
