package se.samla.deviation.web.devidp;

import java.time.Instant;
import java.util.Map;
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
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.springframework.security.saml2.core.OpenSamlInitializationService;
import org.w3c.dom.Element;

/**
 * DEVELOPMENT AND TESTS ONLY: the one place that builds and signs SAML responses shaped like
 * Inera's IdP (a signed response around a signed assertion, transient NameID, bearer subject
 * confirmation, one audience, URI attribute names), for the development IdP and for the test IdP
 * whose attack tests change the built {@link Response} before it is signed.
 */
public final class SamlResponses {

  static {
    OpenSamlInitializationService.initialize();
  }

  /** Who answers whom: the IdP, the SP's assertion consumer service and its entity id. */
  public record Parties(String idpEntityId, String acs, String spEntityId) {}

  private SamlResponses() {}

  /** A valid, unsigned response to the request with the given id. */
  public static Response response(
      Parties parties,
      String inResponseTo,
      String loa,
      Map<String, String> attributes,
      Instant now) {
    Response response = build(Response.DEFAULT_ELEMENT_NAME);
    response.setID("_" + UUID.randomUUID());
    response.setVersion(SAMLVersion.VERSION_20);
    response.setIssueInstant(now);
    response.setDestination(parties.acs());
    response.setInResponseTo(inResponseTo);
    response.setIssuer(issuer(parties.idpEntityId()));
    Status status = build(Status.DEFAULT_ELEMENT_NAME);
    StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
    code.setValue(StatusCode.SUCCESS);
    status.setStatusCode(code);
    response.setStatus(status);
    response.getAssertions().add(assertion(parties, inResponseTo, loa, attributes, now));
    return response;
  }

  /** A valid, unsigned assertion: valid for five minutes, from five seconds ago. */
  public static Assertion assertion(
      Parties parties,
      String inResponseTo,
      String loa,
      Map<String, String> attributes,
      Instant now) {
    Assertion assertion = build(Assertion.DEFAULT_ELEMENT_NAME);
    assertion.setID("_" + UUID.randomUUID());
    assertion.setVersion(SAMLVersion.VERSION_20);
    assertion.setIssueInstant(now);
    assertion.setIssuer(issuer(parties.idpEntityId()));

    Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
    NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
    nameId.setFormat(NameID.TRANSIENT);
    nameId.setValue("_transient-" + UUID.randomUUID());
    subject.setNameID(nameId);
    SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
    confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
    SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
    data.setRecipient(parties.acs());
    data.setInResponseTo(inResponseTo);
    data.setNotOnOrAfter(now.plusSeconds(300));
    confirmation.setSubjectConfirmationData(data);
    subject.getSubjectConfirmations().add(confirmation);
    assertion.setSubject(subject);

    Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
    conditions.setNotBefore(now.minusSeconds(5));
    conditions.setNotOnOrAfter(now.plusSeconds(300));
    AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
    Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
    audience.setURI(parties.spEntityId());
    restriction.getAudiences().add(audience);
    conditions.getAudienceRestrictions().add(restriction);
    assertion.setConditions(conditions);

    AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
    authn.setAuthnInstant(now);
    authn.setSessionIndex("_session-" + UUID.randomUUID());
    AuthnContext context = build(AuthnContext.DEFAULT_ELEMENT_NAME);
    AuthnContextClassRef classRef = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
    classRef.setURI(loa);
    context.setAuthnContextClassRef(classRef);
    authn.setAuthnContext(context);
    assertion.getAuthnStatements().add(authn);

    AttributeStatement statement = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
    attributes.forEach((name, value) -> statement.getAttributes().add(attribute(name, value)));
    assertion.getAttributeStatements().add(statement);
    return assertion;
  }

  public static Attribute attribute(String name, String value) {
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

  public static Issuer issuer(String entityId) {
    Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
    issuer.setValue(entityId);
    return issuer;
  }

  /** Signs the assertion(s) and then the response around them, as Inera's IdP does. */
  public static String signBoth(Response response, Credential credential) {
    return sign(response, credential, true, true, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
  }

  /**
   * Serialises the response, signing its assertions and the response itself only as asked.
   *
   * @throws IllegalStateException when it cannot be marshalled or signed
   */
  public static String sign(
      Response response,
      Credential credential,
      boolean assertions,
      boolean whole,
      String algorithm) {
    try {
      if (assertions) {
        for (Assertion a : response.getAssertions()) {
          a.setSignature(signature(credential, algorithm));
        }
      }
      if (whole) {
        response.setSignature(signature(credential, algorithm));
      }
      Element element = XMLObjectSupport.marshall(response);
      if (assertions) {
        for (Assertion a : response.getAssertions()) {
          Signer.signObject(a.getSignature());
        }
      }
      if (whole) {
        Signer.signObject(response.getSignature());
      }
      return SerializeSupport.nodeToString(element);
    } catch (Exception e) {
      throw new IllegalStateException("the SAML response could not be signed", e);
    }
  }

  /** An RSA-SHA256 (or the given algorithm) signature with exclusive canonicalisation. */
  public static Signature signature(Credential credential, String algorithm) {
    Signature signature = build(Signature.DEFAULT_ELEMENT_NAME);
    signature.setSigningCredential(credential);
    signature.setSignatureAlgorithm(algorithm);
    signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    return signature;
  }

  @SuppressWarnings("unchecked")
  public static <T extends XMLObject> T build(QName name) {
    return (T)
        XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilder(name).buildObject(name);
  }
}
