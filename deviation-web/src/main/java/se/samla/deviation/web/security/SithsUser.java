package se.samla.deviation.web.security;

import java.io.Serializable;
import java.util.Objects;

/**
 * The person behind a SITHS login, as the identity provider asserted them for the commission they
 * chose. The user key is the employee HSA-id; staff personnummer is never received or stored.
 */
public record SithsUser(
    String employeeHsaId,
    String givenName,
    String surname,
    String email,
    String organisationHsaId,
    String organisationName,
    String unitHsaId,
    String unitName,
    String commissionHsaId,
    String commissionPurpose,
    String levelOfAssurance)
    implements Serializable {

  public SithsUser {
    Objects.requireNonNull(employeeHsaId, "employeeHsaId");
  }

  /** "Given Surname", or the HSA-id when the IdP released no name. */
  public String displayName() {
    String name =
        ((givenName == null ? "" : givenName) + " " + (surname == null ? "" : surname)).strip();
    return name.isEmpty() ? employeeHsaId : name;
  }
}
