package se.samla.deviation.web.security;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.saml2.provider.service.authentication.logout.OpenSaml4LogoutRequestValidator;
import org.springframework.security.saml2.provider.service.authentication.logout.Saml2LogoutRequestValidator;
import org.springframework.security.saml2.provider.service.authentication.logout.Saml2LogoutRequestValidatorParameters;
import org.springframework.security.saml2.provider.service.authentication.logout.Saml2LogoutValidatorResult;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.web.authentication.logout.OpenSaml4LogoutRequestResolver;

/**
 * Single logout over the Redirect binding. Our principal is named by the employee HSA-id, but the
 * IdP knows the session by the transient NameID it issued: logout requests we send carry that
 * NameID, and logout requests we receive are compared with it (after Spring's signature, issuer and
 * destination checks).
 */
final class SamlLogout {

  private SamlLogout() {}

  static OpenSaml4LogoutRequestResolver requestResolver(
      RelyingPartyRegistrationRepository registrations) {
    OpenSaml4LogoutRequestResolver resolver = new OpenSaml4LogoutRequestResolver(registrations);
    resolver.setParametersConsumer(
        parameters -> {
          if (parameters.getAuthentication() instanceof SithsAuthentication siths
              && parameters.getLogoutRequest().getNameID() != null) {
            parameters.getLogoutRequest().getNameID().setValue(siths.nameId());
          }
        });
    return resolver;
  }

  static Saml2LogoutRequestValidator requestValidator() {
    OpenSaml4LogoutRequestValidator spring = new OpenSaml4LogoutRequestValidator();
    return parameters -> {
      Authentication authentication = parameters.getAuthentication();
      if (authentication instanceof SithsAuthentication siths) {
        authentication =
            UsernamePasswordAuthenticationToken.authenticated(siths.nameId(), null, List.of());
      }
      Saml2LogoutValidatorResult result =
          spring.validate(
              new Saml2LogoutRequestValidatorParameters(
                  parameters.getLogoutRequest(),
                  parameters.getRelyingPartyRegistration(),
                  authentication));
      if (result.hasErrors()) {
        SamlLoginFailureHandler.SECURITY_LOG.warn(
            "SAML logout request refused: {}", result.getErrors().iterator().next().getErrorCode());
      }
      return result;
    };
  }
}
