package se.samla.deviation.web.security;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticatedPrincipal;

/**
 * The principal of a session after SITHS login: the {@link SithsUser}, plus what SAML single logout
 * needs (the registration id and the IdP's session indexes).
 */
public final class SithsPrincipal implements Saml2AuthenticatedPrincipal, Serializable {

  private final SithsUser user;
  private final String registrationId;
  private final List<String> sessionIndexes;

  public SithsPrincipal(SithsUser user, String registrationId, List<String> sessionIndexes) {
    this.user = Objects.requireNonNull(user, "user");
    this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
    this.sessionIndexes = List.copyOf(sessionIndexes);
  }

  public SithsUser user() {
    return user;
  }

  @Override
  public String getName() {
    return user.employeeHsaId();
  }

  @Override
  public Map<String, List<Object>> getAttributes() {
    return Map.of();
  }

  @Override
  public String getRelyingPartyRegistrationId() {
    return registrationId;
  }

  @Override
  public List<String> getSessionIndexes() {
    return sessionIndexes;
  }

  @Override
  public String toString() {
    return "SithsPrincipal[" + user.employeeHsaId() + "]";
  }
}
