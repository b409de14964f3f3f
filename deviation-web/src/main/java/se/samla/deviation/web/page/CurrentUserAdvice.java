package se.samla.deviation.web.page;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.samla.deviation.web.security.SithsPrincipal;
import se.samla.deviation.web.security.SithsUser;

/**
 * Gives every page's layout the signed-in person and the unit they act for ({@code signedIn} in the
 * model, absent without a SITHS session), for the header and the sign-out button.
 */
@ControllerAdvice(basePackages = "se.samla.deviation.web.page")
class CurrentUserAdvice {

  @ModelAttribute("signedIn")
  SignedIn signedIn(Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || !(authentication.getPrincipal() instanceof SithsPrincipal principal)) {
      return null;
    }
    SithsUser user = principal.user();
    return new SignedIn(user.displayName(), user.unitName(), user.organisationName());
  }
}
