package se.samla.deviation.medcontrol.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the simulator inside the application for the laptop run, when {@code
 * medcontrol.simulator.enabled=true}. Registered through {@code AutoConfiguration.imports}, so the
 * application picks it up at runtime without compiling against this module.
 *
 * <p>Properties: {@code medcontrol.simulator.port} (8089; 0 takes a free one), {@code
 * medcontrol.simulator.bind-address} (localhost), {@code medcontrol.simulator.token-lifetime}
 * (300s), {@code medcontrol.simulator.registered-units} (all when absent), and the adapter's own
 * {@code medcontrol.client-id} / {@code medcontrol.client-secret} (samverkan-dev /
 * dev-only-secret), so adapter and simulator agree. Read with a {@link Binder} rather than a
 * properties bean, to leave the {@code medcontrol} prefix's properties class to the adapter.
 *
 * <p>The simulator starts before any ordinary bean is created and publishes the port it actually
 * listens on as {@value #PORT_PROPERTY}, as Spring Boot does with {@code local.server.port}: the
 * adapter's {@code medcontrol.base-url} can name {@code ${local.medcontrol.simulator.port}} and
 * follows the simulator to a free port, while the adapter knows nothing of the simulator.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "medcontrol.simulator.enabled", havingValue = "true")
public class MedControlSimulatorConfiguration {

  /** The port the simulator listens on, once it has started. */
  public static final String PORT_PROPERTY = "local.medcontrol.simulator.port";

  static final String BEAN_NAME = "medControlSimulator";

  private static final Logger LOG = LoggerFactory.getLogger(MedControlSimulator.class);

  /** Static: a factory post-processor runs before the beans whose properties name the port. */
  @Bean
  static SimulatorStart medControlSimulatorStart() {
    return new SimulatorStart();
  }

  /**
   * Starts the simulator, registers it as the bean {@value #BEAN_NAME} (closed with the context,
   * also when the context fails to start) and publishes {@value #PORT_PROPERTY}.
   */
  static final class SimulatorStart implements BeanFactoryPostProcessor, EnvironmentAware {

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
        throw new IllegalStateException("the simulator needs a bean factory that can close it");
      }
      MedControlSimulator simulator = MedControlSimulator.start(options(environment));
      beanFactory.registerSingleton(BEAN_NAME, simulator);
      registry.registerDisposableBean(BEAN_NAME, simulator::close);
      environment
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "medcontrol-simulator", Map.of(PORT_PROPERTY, simulator.port())));
      LOG.info(
          "MedControl PRO SIMULATOR (not the real system) listening on {}; control API at"
              + " {}/__control",
          simulator.baseUrl(),
          simulator.baseUrl());
    }
  }

  static MedControlSimulator.Options options(Environment environment) {
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
    return options;
  }
}
