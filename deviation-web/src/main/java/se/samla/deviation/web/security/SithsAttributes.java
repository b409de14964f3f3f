package se.samla.deviation.web.security;

import java.util.ArrayList;
import java.util.List;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import se.samla.deviation.core.access.domain.HsaId;

/**
 * Reads the {@link SithsUser} out of a validated assertion, by the attribute names of {@link
 * SecurityProperties.Attributes}. Attributes are matched on {@code Name} only ({@code FriendlyName}
 * is decoration an IdP may set to anything); a single-valued attribute that appears twice, or with
 * two values, or with markup or comments inside its value, is refused rather than guessed at.
 */
final class SithsAttributes {

  /** Why an assertion does not describe a usable SITHS user. Never contains attribute values. */
  static final class InvalidUserException extends Exception {
    InvalidUserException(String message) {
      super(message);
    }
  }

  private final SecurityProperties.Attributes names;

  SithsAttributes(SecurityProperties.Attributes names) {
    this.names = names;
  }

  SithsUser userOf(Assertion assertion) throws InvalidUserException {
    String employeeHsaId = single(assertion, names.employeeHsaId(), true);
    if (!HsaId.isValid(employeeHsaId)) {
      throw new InvalidUserException("employee HSA-id attribute is not a valid HSA-id");
    }
    return new SithsUser(
        employeeHsaId,
        single(assertion, names.givenName(), false),
        single(assertion, names.surname(), false),
        single(assertion, names.mail(), false),
        hsaIdOrNull(single(assertion, names.healthCareProviderHsaId(), false), "provider"),
        single(assertion, names.healthCareProviderName(), false),
        hsaIdOrNull(single(assertion, names.healthCareUnitHsaId(), false), "unit"),
        single(assertion, names.healthCareUnitName(), false),
        hsaIdOrNull(single(assertion, names.commissionHsaId(), false), "commission"),
        single(assertion, names.commissionPurpose(), false),
        levelOfAssurance(assertion));
  }

  /** The one AuthnContextClassRef of the one AuthnStatement. */
  static String levelOfAssurance(Assertion assertion) throws InvalidUserException {
    List<AuthnStatement> statements = assertion.getAuthnStatements();
    if (statements.size() != 1) {
      throw new InvalidUserException("expected exactly one AuthnStatement");
    }
    AuthnContext context = statements.get(0).getAuthnContext();
    if (context == null
        || context.getAuthnContextClassRef() == null
        || context.getAuthnContextClassRef().getURI() == null) {
      throw new InvalidUserException("AuthnStatement has no AuthnContextClassRef");
    }
    return context.getAuthnContextClassRef().getURI().strip();
  }

  private static String hsaIdOrNull(String value, String what) throws InvalidUserException {
    if (value != null && !HsaId.isValid(value)) {
      throw new InvalidUserException(what + " HSA-id attribute is not a valid HSA-id");
    }
    return value;
  }

  private static String single(Assertion assertion, String name, boolean required)
      throws InvalidUserException {
    List<XMLObject> values = new ArrayList<>();
    int occurrences = 0;
    for (AttributeStatement statement : assertion.getAttributeStatements()) {
      for (Attribute attribute : statement.getAttributes()) {
        if (name.equals(attribute.getName())) {
          occurrences++;
          values.addAll(attribute.getAttributeValues());
        }
      }
    }
    if (occurrences > 1 || values.size() > 1) {
      throw new InvalidUserException("attribute " + name + " appears more than once");
    }
    if (values.isEmpty()) {
      if (required) {
        throw new InvalidUserException("required attribute " + name + " is missing");
      }
      return null;
    }
    XMLObject value = values.get(0);
    if (!isPlainText(value.getDOM())) {
      throw new InvalidUserException("attribute " + name + " has markup or comments in its value");
    }
    String text;
    if (value instanceof XSString string) {
      text = string.getValue();
    } else if (value instanceof XSAny any) {
      text = any.getTextContent();
    } else {
      throw new InvalidUserException("attribute " + name + " has an unexpected value type");
    }
    if (text == null || text.isBlank()) {
      if (required) {
        throw new InvalidUserException("required attribute " + name + " is empty");
      }
      return null;
    }
    return text.strip();
  }

  /** True when the value element holds text only: no child elements, comments or entities. */
  static boolean isPlainText(Element element) {
    if (element == null) {
      return true;
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() != Node.TEXT_NODE) {
        return false;
      }
    }
    return true;
  }
}
