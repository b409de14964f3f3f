package se.samla.deviation.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.organisation.application.ActorDirectory;

/**
 * Turns the logged-in SITHS user into the core's {@link Actor}, with roles from our own
 * appointments read on every request: a removed appointment takes effect at once, without a new
 * login. Bootstrap administrators come from configuration.
 */
@Component
public class CurrentActors {

  private final ActorDirectory directory;
  private final SecurityProperties properties;

  CurrentActors(ActorDirectory directory, SecurityProperties properties) {
    this.directory = directory;
    this.properties = properties;
  }

  /** The actor of an authenticated SITHS session, or null for anything else. */
  public Actor actorOf(Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || !(authentication.getPrincipal() instanceof SithsPrincipal principal)) {
      return null;
    }
    SithsUser user = principal.user();
    return directory.actorFor(
        new PersonRef(user.employeeHsaId(), user.displayName()),
        user.unitHsaId(),
        user.organisationHsaId(),
        properties.bootstrapAdmins().contains(user.employeeHsaId()));
  }
}
