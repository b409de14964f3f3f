package se.samla.deviation.web.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.xml.namespace.QName;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.springframework.security.saml2.core.OpenSamlInitializationService;
import se.samla.deviation.web.devidp.SamlResponses;

/**
 * A SAML identity provider for tests: its own key pair and certificate (generated per run), and
 * responses built and signed by the development IdP's {@link SamlResponses}, which the attack tests
 * change before signing (or sign only in part, or encrypt).
 */
final class TestIdp {

  static final String ENTITY_ID = "https://idp.test.example/saml";
  static final String SSO_URL = "https://idp.test.example/sso";
  static final String SP_ENTITY_ID = "http://localhost/saml2/service-provider-metadata/siths";
  static final String ACS = "http://localhost/login/saml2/sso/siths";
  static final String LOA3 = "http://id.sambi.se/loa/loa3";
  static final String ATTR = "http://sambi.se/attributes/1/";

  static {
    OpenSamlInitializationService.initialize();
  }

  final KeyPair keyPair;
  final X509Certificate certificate;
  final BasicX509Credential credential;

  TestIdp(String name) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keyPair = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + name);
      certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          subject,
                          BigInteger.valueOf(now.toEpochMilli()),
                          Date.from(now.minus(1, ChronoUnit.DAYS)),
                          Date.from(now.plus(365, ChronoUnit.DAYS)),
                          subject,
                          keyPair.getPublic())
                      .build(
                          new JcaContentSignerBuilder("SHA256withRSA")
                              .build(keyPair.getPrivate())));
      credential = new BasicX509Credential(certificate, keyPair.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the certificate as PEM for the registration's verification credential. */
  Path writeCertificate() throws Exception {
    Path file = Files.createTempFile("test-idp", ".crt");
    file.toFile().deleteOnExit();
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    Files.writeString(file, pem);
    return file;
  }

  static X509Certificate spCertificate() throws Exception {
    try (var in = TestIdp.class.getResourceAsStream("/dev-saml/dev-sp.crt")) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** The AuthnRequest XML from a Redirect-binding location. */
  static String authnRequestXml(String location) throws Exception {
    String query = location.substring(location.indexOf('?') + 1);
    for (String pair : query.split("&")) {
      if (pair.startsWith("SAMLRequest=")) {
        String value =
            java.net.URLDecoder.decode(
                pair.substring("SAMLRequest=".length()), StandardCharsets.UTF_8);
        byte[] deflated = Base64.getDecoder().decode(value);
        try (var in =
            new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          in.transferTo(out);
          return out.toString(StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalArgumentException("no SAMLRequest in " + location);
  }

  static String requestId(String authnRequestXml) {
    var matcher = java.util.regex.Pattern.compile(" ID=\"([^\"]+)\"").matcher(authnRequestXml);
    if (!matcher.find()) {
      throw new IllegalArgumentException("no ID");
    }
    return matcher.group(1);
  }

  // ---- building responses ---------------------------------------------------------------------

  static final SamlResponses.Parties PARTIES =
      new SamlResponses.Parties(ENTITY_ID, ACS, SP_ENTITY_ID);

  /** A valid response for the given request and attributes; tests change it before signing. */
  static Response response(String inResponseTo, Map<String, String> attributes) {
    return SamlResponses.response(PARTIES, inResponseTo, LOA3, attributes, Instant.now());
  }

  static Assertion assertion(String inResponseTo, Map<String, String> attributes, Instant now) {
    return SamlResponses.assertion(PARTIES, inResponseTo, LOA3, attributes, now);
  }

  static Attribute attribute(String name, String value) {
    return SamlResponses.attribute(name, value);
  }

  static Issuer issuer() {
    return SamlResponses.issuer(ENTITY_ID);
  }

  /**
   * A LogoutRequest in the Redirect binding (query string), signed over the query by {@code
   * signer}, or unsigned when it is null.
   */
  static String logoutRequestQuery(TestIdp signer, String nameIdValue, String destination)
      throws Exception {
    org.opensaml.saml.saml2.core.LogoutRequest request =
        build(org.opensaml.saml.saml2.core.LogoutRequest.DEFAULT_ELEMENT_NAME);
    request.setID("_" + UUID.randomUUID());
    request.setVersion(SAMLVersion.VERSION_20);
    request.setIssueInstant(Instant.now());
    request.setDestination(destination);
    request.setIssuer(issuer());
    NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
    nameId.setFormat(NameID.TRANSIENT);
    nameId.setValue(nameIdValue);
    request.setNameID(nameId);
    String xml =
        net.shibboleth.utilities.java.support.xml.SerializeSupport.nodeToString(
            XMLObjectSupport.marshall(request));
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (var out =
        new java.util.zip.DeflaterOutputStream(
            deflated, new java.util.zip.Deflater(java.util.zip.Deflater.DEFLATED, true))) {
      out.write(xml.getBytes(StandardCharsets.UTF_8));
    }
    String query =
        "SAMLRequest="
            + java.net.URLEncoder.encode(
                Base64.getEncoder().encodeToString(deflated.toByteArray()), StandardCharsets.UTF_8);
    if (signer == null) {
      return query;
    }
    query +=
        "&SigAlg="
            + java.net.URLEncoder.encode(
                SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, StandardCharsets.UTF_8);
    java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
    rsa.initSign(signer.keyPair.getPrivate());
    rsa.update(query.getBytes(StandardCharsets.UTF_8));
    return query
        + "&Signature="
        + java.net.URLEncoder.encode(
            Base64.getEncoder().encodeToString(rsa.sign()), StandardCharsets.UTF_8);
  }

  // ---- signing, encrypting, serialising -----------------------------------------------------

  /** Signs the assertion(s) and then the response, as Inera's IdP does. */
  String signBoth(Response response) {
    return SamlResponses.signBoth(response, credential);
  }

  String sign(Response response, boolean assertion, boolean whole, String algorithm) {
    return SamlResponses.sign(response, credential, assertion, whole, algorithm);
  }

  /** Signs the assertion, encrypts it for the SP, and signs the response around it. */
  String signEncrypted(Response response) {
    return encrypt(response, true, true);
  }

  /**
   * Encrypts the assertion for the SP (anyone can: the SP's certificate is public), signing the
   * assertion and the response around it only as asked.
   */
  String encrypt(Response response, boolean signAssertion, boolean signResponse) {
    try {
      Assertion assertion = response.getAssertions().get(0);
      // Sign it as a document of its own, detached from the response it will be encrypted into.
      response.getAssertions().clear();
      if (signAssertion) {
        assertion.setSignature(signature(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256));
      }
      XMLObjectSupport.marshall(assertion);
      if (signAssertion) {
        Signer.signObject(assertion.getSignature());
      }
      DataEncryptionParameters data = new DataEncryptionParameters();
      data.setAlgorithm(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
      KeyEncryptionParameters key = new KeyEncryptionParameters();
      key.setAlgorithm(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
      key.setEncryptionCredential(new BasicX509Credential(spCertificate()));
      Encrypter encrypter = new Encrypter(data, key);
      encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
      EncryptedAssertion encrypted = encrypter.encrypt(assertion);
      response.getEncryptedAssertions().add(encrypted);
      return sign(response, false, signResponse, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Signature signature(String algorithm) {
    return SamlResponses.signature(credential, algorithm);
  }

  static String base64(String xml) {
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }

  static <T extends XMLObject> T build(QName name) {
    return SamlResponses.build(name);
  }

  static String samlpNs() {
    return SAMLConstants.SAML20P_NS;
  }
}
