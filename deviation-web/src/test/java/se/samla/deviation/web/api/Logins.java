package se.samla.deviation.web.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;
import org.springframework.security.saml2.provider.service.authentication.Saml2Authentication;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.web.security.SithsPrincipal;
import se.samla.deviation.web.security.SithsUser;

/**
 * A SITHS session for a test persona, made on the test side only: the production filter chain has
 * no backdoor. Roles still come from the appointments in the database.
 */
public final class Logins {

  public static final String LOA3 = "http://id.sambi.se/loa/loa3";

  private Logins() {}

  public static SithsUser sithsUser(Actor actor) {
    String[] names = actor.person().name().split(" ", 2);
    return new SithsUser(
        actor.hsaId(),
        names[0],
        names.length > 1 ? names[1] : null,
        null,
        actor.organisationHsaId(),
        "Organisation " + actor.organisationHsaId(),
        actor.actingUnitHsaId(),
        "Enhet " + actor.actingUnitHsaId(),
        null,
        null,
        LOA3);
  }

  public static RequestPostProcessor as(Actor actor) {
    return as(sithsUser(actor));
  }

  public static RequestPostProcessor as(SithsUser user) {
    return authentication(
        new Saml2Authentication(
            new SithsPrincipal(user, "siths", List.of()), "<test/>", List.of()));
  }
}
