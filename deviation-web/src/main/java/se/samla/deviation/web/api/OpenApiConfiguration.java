package se.samla.deviation.web.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.access.domain.Actor;

/** The OpenAPI document at {@code /v3/api-docs}: the contract of deviation-api.md. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // The actor comes from the session, not from the request.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  @Bean
  OpenAPI deviationOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Avvikelser i samverkan")
                .version("v1")
                .description(
                    "Deviations between care providers. Session from the SITHS login; state-changing"
                        + " calls carry the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."));
  }
}
