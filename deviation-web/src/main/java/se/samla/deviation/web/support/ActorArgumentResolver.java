package se.samla.deviation.web.support;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.web.security.CurrentActors;

/**
 * Gives controller methods, API and pages alike, the core {@link Actor} of the logged-in SITHS
 * user, with roles read from the appointments on every request.
 */
@Component
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

  private final CurrentActors actors;

  ActorArgumentResolver(CurrentActors actors) {
    this.actors = actors;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Actor actor = actors.actorOf(SecurityContextHolder.getContext().getAuthentication());
    if (actor == null) {
      throw new AuthenticationCredentialsNotFoundException("no SITHS session");
    }
    return actor;
  }
}
