package se.samla.deviation.web.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.web.support.ExpectedVersion;

/** The OpenAPI document at {@code /v3/api-docs}: the contract of deviation-api.md. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // The actor comes from the session, not from the request.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class, ExpectedVersion.class);
  }

  /** An {@link ExpectedVersion} parameter is the optional {@code If-Match} header. */
  @Bean
  OperationCustomizer ifMatchHeader() {
    return (operation, handlerMethod) -> {
      boolean expectsVersion =
          Arrays.stream(handlerMethod.getMethodParameters())
              .anyMatch(p -> p.getParameterType().equals(ExpectedVersion.class));
      if (expectsVersion) {
        operation.addParametersItem(
            new HeaderParameter()
                .name(HttpHeaders.IF_MATCH)
                .required(false)
                .description(
                    "The version the change expects, as the ETag gave it; 412 when it is stale.")
                .schema(new StringSchema()));
      }
      return operation;
    };
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
