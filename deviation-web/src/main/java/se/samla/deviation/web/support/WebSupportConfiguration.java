package se.samla.deviation.web.support;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires what API and pages share into Spring MVC: the actor and the expected version. */
@Configuration(proxyBeanMethods = false)
class WebSupportConfiguration implements WebMvcConfigurer {

  private final ActorArgumentResolver actors;
  private final ExpectedVersionArgumentResolver expectedVersions;

  WebSupportConfiguration(
      ActorArgumentResolver actors, ExpectedVersionArgumentResolver expectedVersions) {
    this.actors = actors;
    this.expectedVersions = expectedVersions;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(actors);
    resolvers.add(expectedVersions);
  }
}
