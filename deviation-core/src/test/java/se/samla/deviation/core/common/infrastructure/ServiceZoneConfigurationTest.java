package se.samla.deviation.core.common.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.common.domain.ServiceZone;

@ExtendWith(OutputCaptureExtension.class)
class ServiceZoneConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(PropertiesConfiguration.class, ServiceZoneConfiguration.class);

  @Test
  void isStockholmWhenNothingIsConfigured(CapturedOutput output) {
    runner.run(
        context ->
            assertThat(context.getBean(ServiceZone.class).zone())
                .isEqualTo(ZoneId.of("Europe/Stockholm")));
    assertThat(output).doesNotContain("deprecated");
  }

  @Test
  void comesFromDeviationZone(CapturedOutput output) {
    runner
        .withPropertyValues("deviation.zone=America/New_York")
        .run(
            context ->
                assertThat(context.getBean(ServiceZone.class).zone())
                    .isEqualTo(ZoneId.of("America/New_York")));
    assertThat(output).doesNotContain("deprecated");
  }

  @Test
  void theOldNameStillWorksWithOneDeprecationWarning(CapturedOutput output) {
    runner
        .withPropertyValues(
            "deviation.deadlines.zone=UTC", "deviation.deadlines.answer-calendar-days=30")
        .run(
            context ->
                assertThat(context.getBean(ServiceZone.class).zone()).isEqualTo(ZoneId.of("UTC")));
    assertThat(output.getOut().split("deviation.deadlines.zone is deprecated", -1)).hasSize(2);
    assertThat(output).contains("set deviation.zone=UTC instead");
  }

  @Test
  void theNewNameWinsOverTheOldOne(CapturedOutput output) {
    runner
        .withPropertyValues("deviation.zone=Europe/Helsinki", "deviation.deadlines.zone=UTC")
        .run(
            context ->
                assertThat(context.getBean(ServiceZone.class).zone())
                    .isEqualTo(ZoneId.of("Europe/Helsinki")));
    assertThat(output).contains("deviation.deadlines.zone=UTC is ignored");
  }

  @Test
  void otherDeadlineSettingsAloneAreNoOldZone(CapturedOutput output) {
    runner
        .withPropertyValues("deviation.deadlines.answer-calendar-days=30")
        .run(
            context ->
                assertThat(context.getBean(ServiceZone.class).zone())
                    .isEqualTo(ServiceZone.DEFAULT_ZONE));
    assertThat(output).doesNotContain("deprecated");
  }

  @Test
  void anUnknownZoneStopsTheStart() {
    runner
        .withPropertyValues("deviation.zone=Mars/Olympus_Mons")
        .run(context -> assertThat(context).hasFailed());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ServiceZoneProperties.class)
  static class PropertiesConfiguration {}
}
