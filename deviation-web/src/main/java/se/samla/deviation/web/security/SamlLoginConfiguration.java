package se.samla.deviation.web.security;

import java.util.ArrayList;
import java.util.List;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;
import org.opensaml.saml.saml2.core.Response;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.web.DefaultRelyingPartyRegistrationResolver;
import org.springframework.security.saml2.provider.service.web.authentication.OpenSaml4AuthenticationRequestResolver;

/**
 * SITHS login over SAML (docs/architecture.md#login): our authentication provider with our own
 * validators on OpenSAML 4.0.1 (ADR 0003), and AuthnRequests that ask for the accepted levels of
 * assurance with exact comparison. The relying party itself ({@code siths}) is configured only
 * through Spring Boot's {@code spring.security.saml2.relyingparty.registration.siths.*} properties.
 */
@Configuration(proxyBeanMethods = false)
class SamlLoginConfiguration {

  static final String REGISTRATION_ID = "siths";

  @Bean
  OpenSaml4AuthenticationProvider samlAuthenticationProvider(
      SecurityProperties properties, AssertionReplayCache replayCache) {
    OpenSaml4AuthenticationProvider provider = new OpenSaml4AuthenticationProvider();
    provider.setResponseValidator(new SithsResponseValidator());
    provider.setAssertionValidator(new SithsAssertionValidator(properties, replayCache));
    SithsAttributes attributes = new SithsAttributes(properties.attributes());
    provider.setResponseAuthenticationConverter(
        token ->
            authentication(
                token.getResponse(),
                token.getToken().getRelyingPartyRegistration().getRegistrationId(),
                attributes));
    return provider;
  }

  /** The principal is our {@link SithsPrincipal}; roles are looked up per request. */
  static SithsAuthentication authentication(
      Response response, String registrationId, SithsAttributes attributes) {
    Assertion assertion = response.getAssertions().get(0);
    SithsUser user;
    try {
      user = attributes.userOf(assertion);
    } catch (SithsAttributes.InvalidUserException invalid) {
      throw new Saml2AuthenticationException(
          new Saml2Error(Saml2ErrorCodes.INVALID_ASSERTION, invalid.getMessage()));
    }
    List<String> sessionIndexes = new ArrayList<>();
    for (AuthnStatement statement : assertion.getAuthnStatements()) {
      if (statement.getSessionIndex() != null) {
        sessionIndexes.add(statement.getSessionIndex());
      }
    }
    SithsPrincipal principal = new SithsPrincipal(user, registrationId, sessionIndexes);
    // The session keeps the response id, not the signed XML: it is not needed after login.
    return new SithsAuthentication(
        principal,
        "SAML response " + response.getID(),
        AuthorityUtils.createAuthorityList("ROLE_USER"),
        assertion.getSubject().getNameID().getValue());
  }

  @Bean
  OpenSaml4AuthenticationRequestResolver samlAuthenticationRequestResolver(
      RelyingPartyRegistrationRepository registrations, SecurityProperties properties) {
    OpenSaml4AuthenticationRequestResolver resolver =
        new OpenSaml4AuthenticationRequestResolver(
            new DefaultRelyingPartyRegistrationResolver(registrations));
    resolver.setAuthnRequestCustomizer(
        context -> context.getAuthnRequest().setRequestedAuthnContext(requestedLoa(properties)));
    return resolver;
  }

  private static RequestedAuthnContext requestedLoa(SecurityProperties properties) {
    var builders = XMLObjectProviderRegistrySupport.getBuilderFactory();
    RequestedAuthnContext requested =
        (RequestedAuthnContext)
            builders
                .getBuilder(RequestedAuthnContext.DEFAULT_ELEMENT_NAME)
                .buildObject(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
    requested.setComparison(AuthnContextComparisonTypeEnumeration.EXACT);
    for (String loa : properties.acceptedLoa()) {
      AuthnContextClassRef ref =
          (AuthnContextClassRef)
              builders
                  .getBuilder(AuthnContextClassRef.DEFAULT_ELEMENT_NAME)
                  .buildObject(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
      ref.setURI(loa);
      requested.getAuthnContextClassRefs().add(ref);
    }
    return requested;
  }
}
