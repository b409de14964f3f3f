package se.samla.deviation.core.deviation.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;

class DeadlinePropertiesTest {

  private static final String PREFIX = "deviation.deadlines";
  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void bindsDefaultsWhenNothingIsConfigured() {
    DeadlineProperties properties = bind(Map.of());

    assertThat(properties)
        .isEqualTo(new DeadlineProperties(5, 60, ZoneId.of("Europe/Stockholm"), 30));
  }

  @Test
  void bindsConfiguredValues() {
    DeadlineProperties properties =
        bind(
            Map.of(
                PREFIX + ".acknowledgement-working-days", "3",
                PREFIX + ".answer-calendar-days", "45",
                PREFIX + ".zone", "Europe/Helsinki",
                PREFIX + ".auto-close-after-days", "14"));

    assertThat(properties)
        .isEqualTo(new DeadlineProperties(3, 45, ZoneId.of("Europe/Helsinki"), 14));
  }

  @Test
  void rejectsValuesBelowTheirMinimum() {
    assertRejected(PREFIX + ".acknowledgement-working-days", "-1");
    assertRejected(PREFIX + ".answer-calendar-days", "0");
    assertRejected(PREFIX + ".auto-close-after-days", "0");
  }

  @Test
  void acceptsZeroAcknowledgementWorkingDays() {
    assertThat(bind(Map.of(PREFIX + ".acknowledgement-working-days", "0")))
        .extracting(DeadlineProperties::acknowledgementWorkingDays)
        .isEqualTo(0);
  }

  @Test
  void configurationBuildsThePolicyFromThePropertiesAndDefinesNoClock() {
    new ApplicationContextRunner()
        .withUserConfiguration(PropertiesConfiguration.class, DeadlineConfiguration.class)
        .withPropertyValues(
            PREFIX + ".acknowledgement-working-days=2", PREFIX + ".zone=Europe/Oslo")
        .run(
            context -> {
              DeadlinePolicy policy = context.getBean(DeadlinePolicy.class);
              assertThat(policy.acknowledgementWorkingDays()).isEqualTo(2);
              assertThat(policy.answerCalendarDays()).isEqualTo(60);
              assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
              assertThat(context).doesNotHaveBean(Clock.class);
            });
  }

  @Test
  void contextFailsOnInvalidProperties() {
    new ApplicationContextRunner()
        .withUserConfiguration(PropertiesConfiguration.class, DeadlineConfiguration.class)
        .withPropertyValues(PREFIX + ".answer-calendar-days=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("answerCalendarDays"));
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(DeadlineProperties.class)
  static class PropertiesConfiguration {}

  private static DeadlineProperties bind(Map<String, String> values) {
    Binder binder = new Binder(new MapConfigurationPropertySource(values));
    ValidationBindHandler validation =
        new ValidationBindHandler(new SpringValidatorAdapter(VALIDATION.getValidator()));
    return binder.bindOrCreate(PREFIX, Bindable.of(DeadlineProperties.class), validation);
  }

  private static void assertRejected(String name, String value) {
    assertThatExceptionOfType(BindException.class)
        .as("%s=%s", name, value)
        .isThrownBy(() -> bind(Map.of(name, value)))
        .havingRootCause()
        .isInstanceOf(BindValidationException.class);
  }
}
