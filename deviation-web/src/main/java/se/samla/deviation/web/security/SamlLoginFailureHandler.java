package se.samla.deviation.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * A refused SAML login: one security log line with Spring's error code (never the response XML or
 * an attribute value), and a generic 401 problem detail to the browser.
 */
@Component
class SamlLoginFailureHandler implements AuthenticationFailureHandler {

  static final Logger SECURITY_LOG = LoggerFactory.getLogger("se.samla.deviation.security");

  private final ProblemDetailResponses problems;

  SamlLoginFailureHandler(ProblemDetailResponses problems) {
    this.problems = problems;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String code =
        exception instanceof Saml2AuthenticationException saml
            ? saml.getSaml2Error().getErrorCode()
            : exception.getClass().getSimpleName();
    SECURITY_LOG.warn("SAML login refused: {}", code);
    if (exception instanceof Saml2AuthenticationException saml && SECURITY_LOG.isDebugEnabled()) {
      // Spring's descriptions name ids and settings, never the XML or attribute values.
      SECURITY_LOG.debug("SAML login refused: {}", saml.getSaml2Error().getDescription());
    }
    problems.unauthorized(request, response, exception);
  }
}
