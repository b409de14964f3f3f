package se.samla.deviation.web.api.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.common.infrastructure.ServiceZoneConfiguration;
import se.samla.deviation.core.common.infrastructure.ServiceZoneProperties;
import se.samla.deviation.core.deviation.application.DeviationView;
import se.samla.deviation.core.deviation.application.MedControlLink;
import se.samla.deviation.core.deviation.application.MedControlSyncState;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeviationOrigin;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.RiskLevel;
import se.samla.deviation.web.api.ApiTimeZoneConfiguration;

/** The mapping from core's view to the contract's JSON. */
class DeviationResponsesTest {

  static DeviationView view(DeviationView.PatientView patient) {
    return view(patient, null);
  }

  static final DeviationView.RiskView K2S3 =
      new DeviationView.RiskView(
          Consequence.MODERATE, Probability.HIGH, RiskLevel.MEDIUM, "K2×S3", 6);

  static DeviationView view(DeviationView.PatientView patient, MedControlLink medControl) {
    return view(patient, medControl, K2S3, K2S3, null);
  }

  static DeviationView view(
      DeviationView.PatientView patient,
      MedControlLink medControl,
      DeviationView.RiskView risk,
      DeviationView.RiskView reporterEstimate,
      DeviationView.AssessmentView handlerAssessment) {
    DeviationView.NamedUnit unit = new DeviationView.NamedUnit("SE1-U", "Enhet", "SE1-O", "Org");
    return new DeviationView(
        UUID.randomUUID(),
        "SAMLA-2026-000001",
        3,
        DeviationStatus.SUBMITTED,
        Instant.parse("2026-11-20T13:30:00Z"),
        null,
        Instant.parse("2026-07-01T10:00:00Z"),
        new PersonRef("SE1-P", "Pia"),
        unit,
        unit,
        "INFORMATION_TRANSFER",
        "Beskrivning",
        null,
        risk,
        reporterEstimate,
        handlerAssessment,
        null,
        false,
        false,
        null,
        null,
        null,
        false,
        null,
        null,
        patient,
        DeviationOrigin.SAMVERKAN,
        medControl,
        Set.of());
  }

  @Test
  void passesAMaskedPatientOnMaskedAndNeverPrintsTheNumber() {
    var response =
        DeviationResponses.of(view(new DeviationView.PatientView("19121212-****", true)));

    assertThat(response.patient().personalIdentityNumber()).isEqualTo("19121212-****");
    assertThat(response.patient().masked()).isTrue();
    assertThat(response.patient().toString()).doesNotContain("19121212");
  }

  @Test
  void showsTimesWithTheOffsetOfTheServiceZone() throws Exception {
    var response = DeviationResponses.of(view(null));

    assertThat(json(response))
        .contains("\"occurredAt\":\"2026-11-20T14:30:00+01:00\"")
        .contains("\"submittedAt\":\"2026-07-01T12:00:00+02:00\"")
        .contains("\"patient\":null");
    assertThat(json(response, "deviation.zone=America/New_York", "spring.jackson.time-zone=UTC"))
        .contains("\"occurredAt\":\"2026-11-20T08:30:00-05:00\"")
        .contains("\"submittedAt\":\"2026-07-01T06:00:00-04:00\"");
    assertThat(json(response, "deviation.deadlines.zone=UTC"))
        .contains("\"occurredAt\":\"2026-11-20T13:30:00Z\"");
  }

  /** The JSON as the application writes it: Boot's ObjectMapper with the configured zone. */
  static String json(Object value, String... properties) throws Exception {
    String[] json = new String[1];
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
        .withUserConfiguration(
            ZoneProperties.class, ServiceZoneConfiguration.class, ApiTimeZoneConfiguration.class)
        .withPropertyValues(properties)
        .run(context -> json[0] = context.getBean(ObjectMapper.class).writeValueAsString(value));
    return json[0];
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ServiceZoneProperties.class)
  static class ZoneProperties {}

  @Test
  void aRiskNotAssessedIsNullEverywhereAndSaysSo() throws Exception {
    var response = DeviationResponses.of(view(null, null, null, null, null));
    assertThat(response.riskAssessed()).isFalse();
    assertThat(response.riskLevel()).isNull();
    assertThat(response.riskScore()).isNull();
    assertThat(response.reporterEstimate()).isNull();
    assertThat(response.handlerAssessment()).isNull();
    String json =
        new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(response);
    assertThat(json)
        .contains("\"riskAssessed\":false")
        .contains("\"riskLevel\":null")
        .contains("\"consequence\":null");
  }

  @Test
  void theCurrentRiskIsTheAssessmentAndTheEstimateStaysBesideIt() {
    var k4s4 =
        new DeviationView.RiskView(
            Consequence.CATASTROPHIC, Probability.VERY_HIGH, RiskLevel.VERY_HIGH, "K4×S4", 16);
    var assessment =
        new DeviationView.AssessmentView(
            k4s4, Instant.parse("2026-11-23T09:00:00Z"), new PersonRef("SE1-H", "Hanna"));
    var response = DeviationResponses.of(view(null, null, k4s4, K2S3, assessment));

    assertThat(response.riskAssessed()).isTrue();
    assertThat(response.consequence()).isEqualTo(Consequence.CATASTROPHIC);
    assertThat(response.riskCell()).isEqualTo("K4×S4");
    assertThat(response.riskScore()).isEqualTo(16);
    assertThat(response.reporterEstimate().cell()).isEqualTo("K2×S3");
    assertThat(response.handlerAssessment().cell()).isEqualTo("K4×S4");
    assertThat(response.handlerAssessment().assessedBy().hsaId()).isEqualTo("SE1-H");
    assertThat(response.handlerAssessment().assessedAt().toInstant())
        .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
  }

  @Test
  void theMedControlBlockIsNullWithoutCaseIdAndState() {
    assertThat(DeviationResponses.of(view(null, null)).medControl()).isNull();
    assertThat(DeviationResponses.of(view(null, new MedControlLink(null, null, null))).medControl())
        .isNull();
  }

  @Test
  void theMedControlBlockCarriesCaseIdStateAndTimeAndTheOriginIsShown() {
    var linkedOnly = DeviationResponses.of(view(null, new MedControlLink("MC-1", null, null)));
    assertThat(linkedOnly.medControl().caseId()).isEqualTo("MC-1");
    assertThat(linkedOnly.medControl().syncState()).isNull();

    var pending =
        DeviationResponses.of(
            view(
                null,
                new MedControlLink(
                    null, MedControlSyncState.PENDING, Instant.parse("2026-11-23T09:00:00Z"))));
    assertThat(pending.medControl().caseId()).isNull();
    assertThat(pending.medControl().syncState()).isEqualTo(MedControlSyncState.PENDING);
    assertThat(pending.medControl().lastSyncedAt().toInstant())
        .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(pending.origin()).isEqualTo(DeviationOrigin.SAMVERKAN);
  }
}
