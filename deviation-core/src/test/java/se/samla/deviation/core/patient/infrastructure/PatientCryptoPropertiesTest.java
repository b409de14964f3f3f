package se.samla.deviation.core.patient.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.fixtures.TestPatients.testKeyBase64;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import se.samla.deviation.core.fixtures.TestPatients;

class PatientCryptoPropertiesTest {

  /** 16 bytes: right encoding, wrong length. Distinctive so a leak would be easy to spot. */
  private static final String SHORT_KEY =
      Base64.getEncoder().encodeToString("SECRET-16-BYTES!".getBytes());

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  private static Map<String, String> valid() {
    Map<String, String> properties = new HashMap<>();
    properties.put("deviation.patient.keys.k1", testKeyBase64(1));
    properties.put("deviation.patient.keys.k2", testKeyBase64(2));
    properties.put("deviation.patient.active-key-id", "k2");
    properties.put("deviation.patient.pseudonym-key", testKeyBase64(3));
    return properties;
  }

  /** Binds and validates the way Spring Boot does for a {@code @Validated} record. */
  private static PatientCryptoProperties bind(Map<String, String> properties) {
    Binder binder = new Binder(new MapConfigurationPropertySource(properties));
    return binder.bindOrCreate(
        "deviation.patient",
        Bindable.of(PatientCryptoProperties.class),
        new ValidationBindHandler(
            new IgnoreTopLevelConverterNotFoundBindHandler(),
            new SpringValidatorAdapter(VALIDATION.getValidator())));
  }

  private static void assertRejected(Map<String, String> properties, String... expectedMessages) {
    assertThatThrownBy(() -> bind(properties))
        .isInstanceOf(BindException.class)
        .satisfies(
            failure -> {
              String report = FailureReports.of(failure);
              assertThat(failure.getCause()).isInstanceOf(BindValidationException.class);
              for (String expected : expectedMessages) {
                assertThat(report).contains(expected);
              }
              assertThat(report)
                  .doesNotContain(SHORT_KEY)
                  .doesNotContain(SHORT_KEY.substring(0, 10));
              for (int seed = 1; seed <= 3; seed++) {
                assertThat(report).doesNotContain(testKeyBase64(seed).substring(0, 10));
              }
            });
  }

  @Test
  void bindsValidProperties() {
    PatientCryptoProperties properties = bind(valid());

    assertThat(properties.keys()).containsOnlyKeys("k1", "k2");
    assertThat(properties.activeKeyId()).isEqualTo("k2");
    assertThat(properties.secretKeys().get("k2").getEncoded())
        .isEqualTo(TestPatients.testKeyBytes(2));
    assertThat(properties.pseudonymKeyBytes()).isEqualTo(TestPatients.testKeyBytes(3));
  }

  @Test
  void dataKeyOfTheWrongLength() {
    Map<String, String> properties = valid();
    properties.put("deviation.patient.keys.k1", SHORT_KEY);

    assertRejected(
        properties, "deviation.patient.keys.k1 must be base64 of exactly 32 bytes (was 16 bytes)");
  }

  @Test
  void dataKeyThatIsNotBase64() {
    Map<String, String> properties = valid();
    properties.put("deviation.patient.keys.k1", "not*base64*" + SHORT_KEY);

    assertRejected(properties, "deviation.patient.keys.k1 must be base64", "not base64");
  }

  @Test
  void missingActiveKeyId() {
    Map<String, String> properties = valid();
    properties.remove("deviation.patient.active-key-id");

    assertRejected(properties, "deviation.patient.active-key-id must be set");
  }

  @Test
  void activeKeyIdThatIsNotConfigured() {
    Map<String, String> properties = valid();
    properties.put("deviation.patient.active-key-id", "k3");

    assertRejected(
        properties, "deviation.patient.active-key-id must name one of deviation.patient.keys");
  }

  @Test
  void noKeysAtAll() {
    assertRejected(
        Map.of(),
        "deviation.patient.keys must contain at least one key",
        "deviation.patient.active-key-id must be set",
        "deviation.patient.pseudonym-key must be base64 of at least 32 bytes");
  }

  @Test
  void pseudonymKeyTooShort() {
    Map<String, String> properties = valid();
    properties.put("deviation.patient.pseudonym-key", SHORT_KEY);

    assertRejected(
        properties,
        "deviation.patient.pseudonym-key must be base64 of at least 32 bytes (was 16 bytes)");
  }

  @Test
  void pseudonymKeyMustNotReuseADataKey() {
    Map<String, String> properties = valid();
    properties.put("deviation.patient.pseudonym-key", testKeyBase64(1));

    assertRejected(properties, "deviation.patient.pseudonym-key must be a separate key");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Map<String, String> properties = valid();
    properties.put("deviation.patient.keys.k1", SHORT_KEY);
    properties.put("deviation.patient.active-key-id", "k3");

    assertRejected(
        properties,
        "deviation.patient.keys.k1 must be base64",
        "deviation.patient.active-key-id must name one of");
  }

  @Test
  void toStringHidesKeyMaterial() {
    PatientCryptoProperties properties = bind(valid());

    assertThat(properties.toString())
        .contains("k1", "k2")
        .doesNotContain(testKeyBase64(1).substring(0, 10))
        .doesNotContain(testKeyBase64(2).substring(0, 10))
        .doesNotContain(testKeyBase64(3).substring(0, 10));
  }
}
