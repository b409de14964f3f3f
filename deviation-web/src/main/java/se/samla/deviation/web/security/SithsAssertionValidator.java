package se.samla.deviation.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.opensaml.saml.common.assertion.ValidationContext;
import org.opensaml.saml.common.assertion.ValidationResult;
import org.opensaml.saml.saml2.assertion.ConditionValidator;
import org.opensaml.saml.saml2.assertion.SAML20AssertionValidator;
import org.opensaml.saml.saml2.assertion.SAML2AssertionValidationParameters;
import org.opensaml.saml.saml2.assertion.impl.AudienceRestrictionConditionValidator;
import org.opensaml.saml.saml2.assertion.impl.BearerSubjectConfirmationValidator;
import org.opensaml.saml.saml2.assertion.impl.ProxyRestrictionConditionValidator;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Condition;
import org.opensaml.saml.saml2.core.OneTimeUse;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.core.Saml2ErrorCodes;
import org.springframework.security.saml2.core.Saml2ResponseValidatorResult;
import org.springframework.security.saml2.provider.service.authentication.AbstractSaml2AuthenticationRequest;
import org.springframework.security.saml2.provider.service.authentication.OpenSaml4AuthenticationProvider.AssertionToken;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;

/**
 * Our assertion validator, on the 5-argument {@link SAML20AssertionValidator} constructor that
 * OpenSAML 4.0.1 has (Spring's default calls a constructor from 4.1 and fails with {@code
 * NoSuchMethodError}; ADR 0003). Checks, in order: the assertion is signed (SHA-2), conditions
 * (validity period with the clock skew, audience, proxy restriction; one-time-use is enforced by
 * the replay cache for every assertion), bearer subject confirmation (recipient, InResponseTo and
 * NotOnOrAfter all required), issuer, the level of assurance against the allow-list, the user
 * attributes (HSA-id format), and last the replay cache, so that only an otherwise valid assertion
 * uses up its id.
 *
 * <p>Signatures are verified before this runs, by Spring, against the IdP's metadata keys.
 */
final class SithsAssertionValidator
    implements Converter<AssertionToken, Saml2ResponseValidatorResult> {

  private static final SAML20AssertionValidator VALIDATOR =
      new SAML20AssertionValidator(
          List.of(
              new AudienceRestrictionConditionValidator(),
              new ProxyRestrictionConditionValidator(),
              new OneTimeUseIsTheReplayCaches()),
          List.of(new BearerSubjectConfirmationValidator()),
          List.of(),
          null,
          null) {
        @Override
        protected ValidationResult validateSignature(
            Assertion assertion, ValidationContext context) {
          // Verified by Spring against the asserting party's keys before this validator runs.
          return ValidationResult.VALID;
        }
      };

  private final SecurityProperties properties;
  private final SithsAttributes attributes;
  private final AssertionReplayCache replayCache;

  SithsAssertionValidator(SecurityProperties properties, AssertionReplayCache replayCache) {
    this.properties = properties;
    this.attributes = new SithsAttributes(properties.attributes());
    this.replayCache = replayCache;
  }

  @Override
  public Saml2ResponseValidatorResult convert(AssertionToken token) {
    Assertion assertion = token.getAssertion();
    // Our metadata says WantAssertionsSigned: a signed response around an unsigned assertion is
    // not enough (Spring would accept it). Spring has verified the signature when there is one.
    if (!assertion.isSigned()) {
      return failure(Saml2ErrorCodes.INVALID_SIGNATURE, "assertion is not signed");
    }
    if (!SamlSignatureAlgorithms.acceptable(assertion.getSignature())) {
      return failure(Saml2ErrorCodes.INVALID_SIGNATURE, "assertion signature algorithm refused");
    }
    ValidationContext context = context(token);
    try {
      if (VALIDATOR.validate(assertion, context) != ValidationResult.VALID) {
        return failure(
            Saml2ErrorCodes.INVALID_ASSERTION,
            "assertion refused: " + context.getValidationFailureMessage());
      }
    } catch (Exception ex) {
      return failure(Saml2ErrorCodes.INVALID_ASSERTION, "assertion could not be validated");
    }
    try {
      String loa = SithsAttributes.levelOfAssurance(assertion);
      if (!properties.acceptedLoa().contains(loa)) {
        return failure(Saml2ErrorCodes.INVALID_ASSERTION, "level of assurance not accepted");
      }
      attributes.userOf(assertion);
    } catch (SithsAttributes.InvalidUserException invalid) {
      return failure(Saml2ErrorCodes.INVALID_ASSERTION, invalid.getMessage());
    }
    if (assertion.getID() == null
        || !replayCache.firstUse(
            assertion.getID(), expiry(assertion).plus(properties.clockSkew()))) {
      return failure(Saml2ErrorCodes.INVALID_ASSERTION, "assertion has been used before");
    }
    return Saml2ResponseValidatorResult.success();
  }

  private ValidationContext context(AssertionToken token) {
    RelyingPartyRegistration registration = token.getToken().getRelyingPartyRegistration();
    AbstractSaml2AuthenticationRequest request = token.getToken().getAuthenticationRequest();
    Map<String, Object> params = new HashMap<>();
    params.put(SAML2AssertionValidationParameters.CLOCK_SKEW, properties.clockSkew());
    params.put(
        SAML2AssertionValidationParameters.COND_VALID_AUDIENCES,
        Set.of(registration.getEntityId()));
    params.put(
        SAML2AssertionValidationParameters.SC_VALID_RECIPIENTS,
        Set.of(registration.getAssertionConsumerServiceLocation()));
    params.put(
        SAML2AssertionValidationParameters.VALID_ISSUERS,
        Set.of(registration.getAssertingPartyMetadata().getEntityId()));
    // Without a stored request there is nothing an InResponseTo could match: a value that no
    // request id can have makes the required check fail.
    params.put(
        SAML2AssertionValidationParameters.SC_VALID_IN_RESPONSE_TO,
        request == null ? "\u0000no-request" : request.getId());
    params.put(SAML2AssertionValidationParameters.SC_IN_RESPONSE_TO_REQUIRED, Boolean.TRUE);
    params.put(SAML2AssertionValidationParameters.SC_RECIPIENT_REQUIRED, Boolean.TRUE);
    params.put(SAML2AssertionValidationParameters.SC_NOT_ON_OR_AFTER_REQUIRED, Boolean.TRUE);
    // The client address behind the load balancer is not reliable; SITHS IdPs do not send it.
    params.put(SAML2AssertionValidationParameters.SC_CHECK_ADDRESS, Boolean.FALSE);
    params.put(SAML2AssertionValidationParameters.SIGNATURE_REQUIRED, Boolean.FALSE);
    return new ValidationContext(params);
  }

  /** The latest moment any part of the assertion may still be accepted. */
  private static Instant expiry(Assertion assertion) {
    Instant latest = Instant.now().plus(Duration.ofMinutes(10));
    if (assertion.getConditions() != null && assertion.getConditions().getNotOnOrAfter() != null) {
      latest = max(latest, assertion.getConditions().getNotOnOrAfter());
    }
    if (assertion.getSubject() != null) {
      for (SubjectConfirmation confirmation : assertion.getSubject().getSubjectConfirmations()) {
        SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
        if (data != null && data.getNotOnOrAfter() != null) {
          latest = max(latest, data.getNotOnOrAfter());
        }
      }
    }
    return latest;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Saml2ResponseValidatorResult failure(String code, String description) {
    return Saml2ResponseValidatorResult.failure(new Saml2Error(code, description));
  }

  /** OneTimeUse is accepted here because the replay cache refuses every assertion's second use. */
  private static final class OneTimeUseIsTheReplayCaches implements ConditionValidator {
    @Override
    public QName getServicedCondition() {
      return OneTimeUse.DEFAULT_ELEMENT_NAME;
    }

    @Override
    public ValidationResult validate(
        Condition condition, Assertion assertion, ValidationContext context) {
      return ValidationResult.VALID;
    }
  }
}
