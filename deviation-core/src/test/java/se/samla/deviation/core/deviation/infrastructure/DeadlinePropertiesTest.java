package se.samla.deviation.core.deviation.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
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
import se.samla.deviation.core.common.infrastructure.ServiceZoneConfiguration;
import se.samla.deviation.core.common.infrastructure.ServiceZoneProperties;
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

    assertThat(properties).isEqualTo(new DeadlineProperties(5, 60, 30));
  }

  @Test
  void bindsConfiguredValues() {
    DeadlineProperties properties =
        bind(
            Map.of(
                PREFIX + ".acknowledgement-working-days", "3",
                PREFIX + ".answer-calendar-days", "45",
                PREFIX + ".auto-close-after-days", "14"));

    assertThat(properties).isEqualTo(new DeadlineProperties(3, 45, 14));
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
    policyContext()
        .withPropertyValues(
            PREFIX + ".acknowledgement-working-days=2", "deviation.zone=Europe/Oslo")
        .run(
            context -> {
              DeadlinePolicy policy = context.getBean(DeadlinePolicy.class);
              assertThat(policy.acknowledgementWorkingDays()).isEqualTo(2);
              assertThat(policy.answerCalendarDays()).isEqualTo(60);
              assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
              assertThat(context).doesNotHaveBean(Clock.class);
            });
  }

  /** 23:30 in Stockholm on 11 May is 17:30 in New York: a different submission day. */
  static final Instant LATE_EVENING_IN_STOCKHOLM = Instant.parse("2026-05-11T21:30:00Z");

  @Test
  void theServiceZoneDecidesTheDayOnWhichTheAnswerIsDue() {
    policyContext()
        .run(
            context ->
                assertThat(
                        context.getBean(DeadlinePolicy.class).answerDue(LATE_EVENING_IN_STOCKHOLM))
                    .as("end of 10 July in Stockholm")
                    .isEqualTo(Instant.parse("2026-07-10T22:00:00Z")));
    policyContext()
        .withPropertyValues("deviation.zone=America/New_York")
        .run(
            context ->
                assertThat(
                        context.getBean(DeadlinePolicy.class).answerDue(LATE_EVENING_IN_STOCKHOLM))
                    .as("end of 10 July in New York")
                    .isEqualTo(Instant.parse("2026-07-11T04:00:00Z")));
  }

  @Test
  void theOldNameDeviationDeadlinesZoneStillSetsTheZone() {
    policyContext()
        .withPropertyValues(PREFIX + ".zone=America/New_York")
        .run(
            context ->
                assertThat(
                        context.getBean(DeadlinePolicy.class).answerDue(LATE_EVENING_IN_STOCKHOLM))
                    .isEqualTo(Instant.parse("2026-07-11T04:00:00Z")));
  }

  @Test
  void contextFailsOnInvalidProperties() {
    policyContext()
        .withPropertyValues(PREFIX + ".answer-calendar-days=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("answerCalendarDays"));
  }

  private static ApplicationContextRunner policyContext() {
    return new ApplicationContextRunner()
        .withUserConfiguration(
            PropertiesConfiguration.class,
            ServiceZoneConfiguration.class,
            DeadlineConfiguration.class);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({DeadlineProperties.class, ServiceZoneProperties.class})
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
