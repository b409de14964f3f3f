package se.samla.deviation.web.security;

import java.util.Set;
import org.opensaml.xmlsec.signature.Signature;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The signature and digest algorithms we accept on responses and assertions: SHA-2 only. OpenSAML
 * 4.0.1 still verifies RSA-SHA1, which is no longer collision resistant.
 */
final class SamlSignatureAlgorithms {

  private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

  private static final Set<String> SIGNATURE =
      Set.of(
          "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
          "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
          "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
          "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
          "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
          "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
          "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");

  private static final Set<String> DIGEST =
      Set.of(
          "http://www.w3.org/2001/04/xmlenc#sha256",
          "http://www.w3.org/2001/04/xmldsig-more#sha384",
          "http://www.w3.org/2001/04/xmlenc#sha512");

  private SamlSignatureAlgorithms() {}

  /** True for no signature, or a signature with only accepted algorithms. */
  static boolean acceptable(Signature signature) {
    if (signature == null) {
      return true;
    }
    if (!SIGNATURE.contains(signature.getSignatureAlgorithm())) {
      return false;
    }
    Element dom = signature.getDOM();
    if (dom == null) {
      return true;
    }
    NodeList digests = dom.getElementsByTagNameNS(DSIG, "DigestMethod");
    for (int i = 0; i < digests.getLength(); i++) {
      if (!DIGEST.contains(((Element) digests.item(i)).getAttribute("Algorithm"))) {
        return false;
      }
    }
    return true;
  }
}
