package se.samla.deviation.core.patient.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.deviation.core.fixtures.TestPatients.ADULT;
import static se.samla.deviation.core.fixtures.TestPatients.TODAY;
import static se.samla.deviation.core.fixtures.TestPatients.testKeyBase64;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.fixtures.TestPatients;
import se.samla.deviation.core.patient.domain.PatientDataCipher;
import se.samla.deviation.core.patient.domain.PatientProtector;
import se.samla.deviation.core.patient.domain.PatientPseudonymizer;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;
import se.samla.deviation.core.patient.domain.ProtectedPatient;

class PatientCryptoConfigurationTest {

  private static final String SHORT_KEY =
      Base64.getEncoder().encodeToString("SECRET-16-BYTES!".getBytes());

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(PatientCryptoProperties.class)
  static class Properties {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, PatientCryptoConfiguration.class)
          .withPropertyValues(
              "deviation.patient.keys.k1=" + testKeyBase64(1),
              "deviation.patient.keys.k2=" + testKeyBase64(2),
              "deviation.patient.active-key-id=k2",
              "deviation.patient.pseudonym-key=" + testKeyBase64(3));

  @Test
  void exposesTheProtectionBeans() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(PatientDataCipher.class);
          assertThat(context).hasSingleBean(PatientPseudonymizer.class);
          assertThat(context).hasSingleBean(PatientProtector.class);
          assertThat(context.getBean(PatientDataCipher.class).activeKeyId()).isEqualTo("k2");

          PatientProtector protector = context.getBean(PatientProtector.class);
          PersonalIdentityNumber pin = PersonalIdentityNumber.parse(ADULT, TODAY);
          ProtectedPatient stored = protector.protect(pin);
          assertThat(protector.reveal(stored)).isEqualTo(pin);
          assertThat(context.getBean(PatientDataCipher.class).keyIdOf(stored.ciphertext()))
              .isEqualTo("k2");
        });
  }

  @Test
  void readsDataWrittenByTheTestFixtureKeys() {
    runner
        .withPropertyValues(
            "deviation.patient.keys.test-k1=" + testKeyBase64(0x11),
            "deviation.patient.pseudonym-key=" + testKeyBase64(0x77))
        .run(
            context -> {
              PersonalIdentityNumber pin = PersonalIdentityNumber.parse(ADULT, TODAY);
              ProtectedPatient fromFixture = TestPatients.testProtector().protect(pin);
              PatientProtector protector = context.getBean(PatientProtector.class);

              assertThat(protector.reveal(fromFixture)).isEqualTo(pin);
              assertThat(protector.pseudonymOf(pin)).isEqualTo(fromFixture.pseudonym());
            });
  }

  @Test
  void failsAtStartupNamingThePropertyWithoutPrintingTheKey() {
    runner
        .withPropertyValues("deviation.patient.keys.k1=" + SHORT_KEY)
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable failure = context.getStartupFailure();
              FailureAnalysis analysis = FailureReports.analyze(failure);

              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("deviation.patient.keys.k1 must be base64 of exactly 32 bytes");
              assertThat(FailureReports.of(failure))
                  .doesNotContain(SHORT_KEY)
                  .doesNotContain(SHORT_KEY.substring(0, 10))
                  .doesNotContain(testKeyBase64(2).substring(0, 10))
                  .doesNotContain(testKeyBase64(3).substring(0, 10));
            });
  }

  @Test
  void failsAtStartupWithoutAnActiveKey() {
    new ApplicationContextRunner()
        .withUserConfiguration(Properties.class, PatientCryptoConfiguration.class)
        .withPropertyValues("deviation.patient.keys.k1=" + testKeyBase64(1))
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(FailureReports.of(context.getStartupFailure()))
                  .contains("deviation.patient.active-key-id must be set")
                  .contains("deviation.patient.pseudonym-key must be base64")
                  .doesNotContain(testKeyBase64(1).substring(0, 10));
            });
  }
}
