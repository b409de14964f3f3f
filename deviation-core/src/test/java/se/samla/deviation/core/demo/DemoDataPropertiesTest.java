package se.samla.deviation.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DemoDataPropertiesTest {

  @Test
  void withoutSettingsDemoDataFollowsTheEmbeddedDatabase() {
    assertThat(DemoDataProperties.active(null, null)).isTrue();
    assertThat(DemoDataProperties.active(null, " ")).isTrue();
    assertThat(DemoDataProperties.active(null, "jdbc:postgresql://db:5432/deviation")).isFalse();
  }

  @Test
  void anExplicitSettingWins() {
    assertThat(DemoDataProperties.active(false, null)).isFalse();
    assertThat(DemoDataProperties.active(true, "jdbc:postgresql://db:5432/deviation")).isTrue();
  }

  @Test
  void defaultsBindWhenNothingIsSet() {
    DemoDataProperties properties = bind(Map.of());

    assertThat(properties.enabled()).isNull();
    assertThat(properties.deviations()).isEqualTo(200);
    assertThat(properties.seed()).isEqualTo(20261123L);
    assertThat(properties.activeFor(null)).isTrue();
  }

  @Test
  void explicitFalseDisablesEvenTheEmbeddedDatabase() {
    DemoDataProperties properties = bind(Map.of("deviation.demo-data.enabled", "false"));

    assertThat(properties.activeFor(null)).isFalse();
  }

  private static DemoDataProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("deviation.demo-data", DemoDataProperties.class);
  }
}
