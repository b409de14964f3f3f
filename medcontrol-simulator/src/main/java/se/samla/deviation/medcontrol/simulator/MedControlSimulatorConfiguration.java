package se.samla.deviation.medcontrol.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Starts the simulator inside the application for the laptop run, when {@code
 * medcontrol.simulator.enabled=true}. Registered through {@code AutoConfiguration.imports}, so the
 * application picks it up at runtime without compiling against this module.
 *
 * <p>Properties: {@code medcontrol.simulator.port} (8089), {@code
 * medcontrol.simulator.bind-address} (localhost), {@code medcontrol.simulator.token-lifetime}
 * (300s), {@code medcontrol.simulator.registered-units} (all when absent), and the adapter's own
 * {@code medcontrol.client-id} / {@code medcontrol.client-secret} (samverkan-dev /
 * dev-only-secret), so adapter and simulator agree. Read with a {@link Binder} rather than a
 * properties bean, to leave the {@code medcontrol} prefix's properties class to the adapter.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "medcontrol.simulator.enabled", havingValue = "true")
public class MedControlSimulatorConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MedControlSimulator.class);

  @Bean(destroyMethod = "close")
  MedControlSimulator medControlSimulator(Environment environment) {
    Binder binder = Binder.get(environment);
    MedControlSimulator.Options options =
        MedControlSimulator.Options.defaults()
            .port(binder.bind("medcontrol.simulator.port", Integer.class).orElse(8089))
            .bindAddress(
                binder.bind("medcontrol.simulator.bind-address", String.class).orElse("localhost"))
            .tokenLifetime(
                binder
                    .bind("medcontrol.simulator.token-lifetime", Duration.class)
                    .orElse(Duration.ofSeconds(300)))
            .clientId(binder.bind("medcontrol.client-id", String.class).orElse("samverkan-dev"))
            .clientSecret(
                binder.bind("medcontrol.client-secret", String.class).orElse("dev-only-secret"));
    List<String> units =
        binder
            .bind("medcontrol.simulator.registered-units", Bindable.listOf(String.class))
            .orElse(null);
    if (units != null) {
      options = options.registeredUnits(Set.copyOf(units));
    }
    MedControlSimulator simulator = MedControlSimulator.start(options);
    LOG.info(
        "MedControl PRO SIMULATOR (not the real system) listening on {}; control API at {}/__control",
        simulator.baseUrl(),
        simulator.baseUrl());
    return simulator;
  }
}
