package se.samla.deviation.web.security;

import org.opensaml.saml.saml2.core.Response;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.ResponseToken;
import org.springframework.util.StringUtils;

/**
 * Spring's response checks (status, InResponseTo if present, Destination if present, issuer) plus
 * ours: the response must answer a request of ours (no unsolicited responses), must name its
 * Destination, must carry exactly one assertion, and may be signed with SHA-2 algorithms only.
 */
final class SithsResponseValidator
    implements Converter<ResponseToken, Saml2ResponseValidatorResult> {

  private final Converter<ResponseToken, Saml2ResponseValidatorResult> springChecks =
      OpenSaml4AuthenticationProvider.createDefaultResponseValidator();

  @Override
  public Saml2ResponseValidatorResult convert(ResponseToken token) {
    Response response = token.getResponse();
    Saml2ResponseValidatorResult result = springChecks.convert(token);
    AbstractSaml2AuthenticationRequest request = token.getToken().getAuthenticationRequest();
    if (!StringUtils.hasText(response.getInResponseTo())
        || request == null
        || !response.getInResponseTo().equals(request.getId())) {
      result =
          result.concat(
              new Saml2Error(
                  Saml2ErrorCodes.INVALID_IN_RESPONSE_TO,
                  "response does not answer an authentication request of this session"));
    }
    if (!StringUtils.hasText(response.getDestination())) {
      result =
          result.concat(
              new Saml2Error(Saml2ErrorCodes.INVALID_DESTINATION, "response has no Destination"));
    }
    // Runs after decryption: a decrypted assertion is added to the assertions, and Spring 6.5 on
    // OpenSAML 4.0.1 leaves its EncryptedAssertion in place. One plain assertion, or one encrypted
    // one that became the one plain assertion, is exactly one.
    int assertions = response.getAssertions().size();
    int encrypted = response.getEncryptedAssertions().size();
    if (assertions != 1 || encrypted > 1) {
      result =
          result.concat(
              new Saml2Error(
                  Saml2ErrorCodes.MALFORMED_RESPONSE_DATA,
                  "response must carry exactly one assertion, has "
                      + assertions
                      + " plain and "
                      + encrypted
                      + " encrypted"));
    }
    if (!SamlSignatureAlgorithms.acceptable(response.getSignature())) {
      result =
          result.concat(
              new Saml2Error(
                  Saml2ErrorCodes.INVALID_SIGNATURE, "response signature algorithm refused"));
    }
    return result;
  }
}
