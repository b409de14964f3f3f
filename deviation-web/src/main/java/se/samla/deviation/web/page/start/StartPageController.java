package se.samla.deviation.web.page.start;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.Role;
import se.samla.deviation.web.security.SithsPrincipal;
import se.samla.deviation.web.security.SithsUser;

/**
 * The start page after login: who you are, the unit you act for, what you may do here, and where
 * the technical description of the interface is. Template {@code start/start.html}.
 */
@Controller
class StartPageController {

  static final String VIEW = "start/start";

  /** The person on the start page, as their SITHS card and our appointments describe them. */
  record StartPage(
      String name,
      String hsaId,
      String unitName,
      String unitHsaId,
      String organisationName,
      List<Role> roles) {}

  @GetMapping("/")
  String start(Actor actor, Authentication authentication, Model model) {
    SithsUser user = ((SithsPrincipal) authentication.getPrincipal()).user();
    model.addAttribute(
        "start",
        new StartPage(
            actor.person().name(),
            actor.hsaId(),
            user.unitName(),
            user.unitHsaId(),
            user.organisationName(),
            actor.roles().stream().sorted().toList()));
    return VIEW;
  }
}
