package se.samla.deviation.web.devidp;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.UUID;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.saml2.core.OpenSamlInitializationService;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import se.samla.deviation.web.security.SecurityProperties;

/**
 * DEVELOPMENT ONLY: builds and signs the SAML responses of the development IdP with the fixed,
 * public key pair in {@code dev-saml/dev-idp.*}, shaped like Inera's (transient NameID, URI
 * attribute names from {@link SecurityProperties.Attributes}, the first accepted LoA).
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
    String issuerId = registration.getAssertingPartyMetadata().getEntityId();
    String acs = registration.getAssertionConsumerServiceLocation();
    Instant now = Instant.now();
    Response response = build(Response.DEFAULT_ELEMENT_NAME);
    response.setID("_" + UUID.randomUUID());
    response.setVersion(SAMLVersion.VERSION_20);
    response.setIssueInstant(now);
    response.setDestination(acs);
    response.setInResponseTo(requestId);
    response.setIssuer(issuer(issuerId));
    Status status = build(Status.DEFAULT_ELEMENT_NAME);
    StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
    code.setValue(StatusCode.SUCCESS);
    status.setStatusCode(code);
    response.setStatus(status);

    Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
    assertion.setID("_" + UUID.randomUUID());
    assertion.setVersion(SAMLVersion.VERSION_20);
    assertion.setIssueInstant(now);
    assertion.setIssuer(issuer(issuerId));
    Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
    NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
    nameId.setFormat(NameID.TRANSIENT);
    nameId.setValue("_" + UUID.randomUUID());
    subject.setNameID(nameId);
    SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
    confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
    SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
    data.setRecipient(acs);
    data.setInResponseTo(requestId);
    data.setNotOnOrAfter(now.plusSeconds(300));
    confirmation.setSubjectConfirmationData(data);
    subject.getSubjectConfirmations().add(confirmation);
    assertion.setSubject(subject);
    Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
    conditions.setNotBefore(now);
    conditions.setNotOnOrAfter(now.plusSeconds(300));
    AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
    Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
    audience.setURI(registration.getEntityId());
    restriction.getAudiences().add(audience);
    conditions.getAudienceRestrictions().add(restriction);
    assertion.setConditions(conditions);
    AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
    authn.setAuthnInstant(now);
    authn.setSessionIndex("_" + UUID.randomUUID());
    AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
    AuthnContextClassRef classRef = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
    classRef.setURI(properties.acceptedLoa().get(0));
    context.setAuthnContextClassRef(classRef);
    authn.setAuthnContext(context);
    assertion.getAuthnStatements().add(authn);
    SecurityProperties.Attributes names = properties.attributes();
    AttributeStatement attributes = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
    attributes.getAttributes().add(attribute(names.employeeHsaId(), persona.hsaId()));
    attributes.getAttributes().add(attribute(names.givenName(), persona.givenName()));
    attributes.getAttributes().add(attribute(names.surname(), persona.surname()));
    attributes.getAttributes().add(attribute(names.mail(), persona.email()));
    attributes
        .getAttributes()
        .add(attribute(names.healthCareProviderHsaId(), persona.organisationHsaId()));
    attributes
        .getAttributes()
        .add(attribute(names.healthCareProviderName(), persona.organisationName()));
    attributes.getAttributes().add(attribute(names.healthCareUnitHsaId(), persona.unitHsaId()));
    attributes.getAttributes().add(attribute(names.healthCareUnitName(), persona.unitName()));
    attributes.getAttributes().add(attribute(names.commissionPurpose(), "Vård och behandling"));
    assertion.getAttributeStatements().add(attributes);
    response.getAssertions().add(assertion);

    try {
      assertion.setSignature(signature());
      response.setSignature(signature());
      Element element = XMLObjectSupport.marshall(response);
      Signer.signObject(assertion.getSignature());
      Signer.signObject(response.getSignature());
      return SerializeSupport.nodeToString(element);
    } catch (Exception e) {
      throw new IllegalStateException("the development IdP could not sign its response", e);
    }
  }

  private Signature signature() {
    Signature signature = build(Signature.DEFAULT_ELEMENT_NAME);
    signature.setSigningCredential(credential);
    signature.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
    signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    return signature;
  }

  private static Issuer issuer(String entityId) {
    Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
    issuer.setValue(entityId);
    return issuer;
  }

  private static Attribute attribute(String name, String value) {
    Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
    attribute.setName(name);
    attribute.setNameFormat(Attribute.URI_REFERENCE);
    XSString xsValue =
        (XSString)
            XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilder(XSString.TYPE_NAME)
                .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
    xsValue.setValue(value);
    attribute.getAttributeValues().add(xsValue);
    return attribute;
  }

  @SuppressWarnings("unchecked")
  private static <T extends XMLObject> T build(QName name) {
    return (T)
        XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(name).buildObject(name);
  }
}
