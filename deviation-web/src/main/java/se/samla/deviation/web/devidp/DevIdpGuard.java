package se.samla.deviation.web.devidp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start when the development IdP is switched on outside the {@code dev} profile: it
 * signs a login for any persona without a password, with a key that is public in git. Runs before
 * any bean is created, so the reason is the first and only failure.
 */
class DevIdpGuard implements EnvironmentPostProcessor {

  static final String ENABLED = "deviation.dev-idp.enabled";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    boolean enabled = environment.getProperty(ENABLED, Boolean.class, false);
    if (enabled && !environment.acceptsProfiles(Profiles.of("dev"))) {
      throw new IllegalStateException(
          "The development IdP ("
              + ENABLED
              + "=true) may only run with the dev profile: it signs logins for demo personas"
              + " with a public key. Remove "
              + ENABLED
              + " or start with --spring.profiles.active=dev on a laptop.");
    }
  }
}
