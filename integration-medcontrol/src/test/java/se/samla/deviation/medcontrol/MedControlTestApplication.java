package se.samla.deviation.medcontrol;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import se.samla.deviation.core.CoreConfiguration;

/** Core plus the integration (auto-configured), as the application runs them, without the web. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CoreConfiguration.class)
public class MedControlTestApplication {

  /**
   * The core's component scan also finds the core test-jar's {@code CoreTestApplication}, whose
   * {@code @Primary} clock stands still at 2026-11-23T09:00Z. The sync's retries and leases need
   * time to pass (a backoff would never elapse), so these tests run on the system clock: the core's
   * test application and its clock are removed.
   */
  @Bean
  static BeanDefinitionRegistryPostProcessor withoutTheCoreTestClock() {
    return new BeanDefinitionRegistryPostProcessor() {
      @Override
      public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : new String[] {"testClock", "coreTestApplication"}) {
          if (registry.containsBeanDefinition(name)) {
            registry.removeBeanDefinition(name);
          }
        }
      }

      @Override
      public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
    };
  }
}
