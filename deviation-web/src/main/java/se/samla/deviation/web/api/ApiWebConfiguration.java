package se.samla.deviation.web.api;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the API's argument resolvers into Spring MVC. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

  private final ActorArgumentResolver actorArgumentResolver;

  ApiWebConfiguration(ActorArgumentResolver actorArgumentResolver) {
    this.actorArgumentResolver = actorArgumentResolver;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(actorArgumentResolver);
  }
}
