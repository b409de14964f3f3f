package se.samla.deviation.web.api.me;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.Role;
import se.samla.deviation.web.api.Refs.Named;
import se.samla.deviation.web.security.SithsPrincipal;
import se.samla.deviation.web.security.SithsUser;

/** Who the logged-in user is, and what they may do. */
@RestController
class MeController {

  record MeResponse(
      String hsaId,
      String name,
      Named organisation,
      Named unit,
      Set<Role> roles,
      List<String> handlerUnits,
      List<String> coordinatorOrganisations,
      String levelOfAssurance) {}

  @GetMapping("/api/v1/me")
  MeResponse me(Actor actor, Authentication authentication) {
    SithsUser user = ((SithsPrincipal) authentication.getPrincipal()).user();
    return of(actor, user);
  }

  /** The user as the API and the start page describe them. */
  static MeResponse of(Actor actor, SithsUser user) {
    return new MeResponse(
        actor.hsaId(),
        actor.person().name(),
        new Named(user.organisationHsaId(), user.organisationName()),
        new Named(user.unitHsaId(), user.unitName()),
        actor.roles(),
        actor.handlerUnits().stream().sorted().toList(),
        actor.coordinatorOrganisations().stream().sorted().toList(),
        user.levelOfAssurance());
  }
}
