package se.samla.deviation.web.startup;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;

/**
 * Explains a start without the SITHS relying party: outside the dev profile nobody could log in, so
 * the application refuses to start and names the properties to set.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SamlRegistrationFailureAnalyzer
    extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
    if (cause.getBeanType() == null
        || !RelyingPartyRegistrationRepository.class.isAssignableFrom(cause.getBeanType())) {
      return null;
    }
    return new FailureAnalysis(
        "SITHS login is not configured: there is no SAML relying party registration 'siths'.",
        "Set spring.security.saml2.relyingparty.registration.siths.* (entity-id, signing and"
            + " decryption credentials as PEM, and the IdP as assertingparty.metadata-uri), see"
            + " the README's configuration table, or start with --spring.profiles.active=dev on a"
            + " laptop to use the development IdP.",
        cause);
  }
}
