package se.samla.deviation.web.devidp;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.security.x509.BasicX509Credential;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.saml2.core.OpenSamlInitializationService;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.springframework.stereotype.Component;
import se.samla.deviation.web.security.SecurityProperties;

/**
 * DEVELOPMENT ONLY: the development IdP's SAML responses, built and signed by {@link SamlResponses}
 * with the fixed, public key pair in {@code dev-saml/dev-idp.*}: a persona's attributes under the
 * URI names from {@link SecurityProperties.Attributes}, the first accepted LoA.
 */
@Component
@ConditionalOnProperty(name = DevIdpGuard.ENABLED, havingValue = "true")
class DevIdpResponses {

  private final BasicX509Credential credential;
  private final SecurityProperties properties;

  DevIdpResponses(SecurityProperties properties) throws IOException, CertificateException {
    OpenSamlInitializationService.initialize();
    this.properties = properties;
    RSAPrivateKey key;
    try (InputStream in = new ClassPathResource("dev-saml/dev-idp.key").getInputStream()) {
      key = RsaKeyConverters.pkcs8().convert(in);
    }
    X509Certificate certificate;
    try (InputStream in = new ClassPathResource("dev-saml/dev-idp.crt").getInputStream()) {
      certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    this.credential = new BasicX509Credential(certificate, key);
  }

  String signedResponse(RelyingPartyRegistration registration, String requestId, Persona persona) {
    SamlResponses.Parties parties =
        new SamlResponses.Parties(
            registration.getAssertingPartyMetadata().getEntityId(),
            registration.getAssertionConsumerServiceLocation(),
            registration.getEntityId());
    SecurityProperties.Attributes names = properties.attributes();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(names.employeeHsaId(), persona.hsaId());
    attributes.put(names.givenName(), persona.givenName());
    attributes.put(names.surname(), persona.surname());
    attributes.put(names.mail(), persona.email());
    attributes.put(names.healthCareProviderHsaId(), persona.organisationHsaId());
    attributes.put(names.healthCareProviderName(), persona.organisationName());
    attributes.put(names.healthCareUnitHsaId(), persona.unitHsaId());
    attributes.put(names.healthCareUnitName(), persona.unitName());
    attributes.put(names.commissionPurpose(), "Vård och behandling");
    Response response =
        SamlResponses.response(
            parties, requestId, properties.acceptedLoa().get(0), attributes, Instant.now());
    return SamlResponses.signBoth(response, credential);
  }
}
