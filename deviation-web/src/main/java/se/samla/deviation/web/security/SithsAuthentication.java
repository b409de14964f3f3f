package se.samla.deviation.web.security;

import java.util.Collection;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.saml2.provider.service.authentication.Saml2Authentication;

/**
 * A SITHS login: the {@link SithsPrincipal} (named by the employee HSA-id), plus the IdP's
 * transient NameID, which single logout must send back and compare with instead of the HSA-id.
 */
public final class SithsAuthentication extends Saml2Authentication {

  private final String nameId;

  SithsAuthentication(
      SithsPrincipal principal,
      String responseId,
      Collection<? extends GrantedAuthority> authorities,
      String nameId) {
    super(principal, responseId, authorities);
    this.nameId = Objects.requireNonNull(nameId, "nameId");
  }

  /** The NameID the IdP issued for this login (transient for SITHS). */
  public String nameId() {
    return nameId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SithsAuthentication that
        && super.equals(that)
        && nameId.equals(that.nameId);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + nameId.hashCode();
  }
}
