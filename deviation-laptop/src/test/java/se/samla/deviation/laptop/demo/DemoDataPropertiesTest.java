package se.samla.deviation.laptop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DemoDataPropertiesTest {

  @Test
  void demoDataIsOffUnlessAskedFor() {
    DemoDataProperties properties = bind(Map.of());

    assertThat(properties.enabled()).isFalse();
    assertThat(properties.deviations()).isEqualTo(200);
    assertThat(properties.seed()).isEqualTo(20261123L);
  }

  @Test
  void askingSwitchesItOn() {
    assertThat(bind(Map.of("deviation.demo-data.enabled", "true")).enabled()).isTrue();
  }

  private static DemoDataProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("deviation.demo-data", DemoDataProperties.class);
  }
}
