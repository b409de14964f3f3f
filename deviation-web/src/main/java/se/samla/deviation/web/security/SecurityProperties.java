package se.samla.deviation.web.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and access settings (DESIGN sections 6 and 9).
 *
 * @param acceptedLoa levels of assurance accepted from the IdP (and requested, exactly)
 * @param bootstrapAdmins employee HSA-ids that are administrators regardless of appointments
 */
@ConfigurationProperties(prefix = "deviation.security")
public record SecurityProperties(
    @DefaultValue("http://id.sambi.se/loa/loa3") List<String> acceptedLoa,
    @DefaultValue Set<String> bootstrapAdmins) {

  public SecurityProperties {
    acceptedLoa = List.copyOf(acceptedLoa);
    bootstrapAdmins = bootstrapAdmins == null ? Set.of() : Set.copyOf(bootstrapAdmins);
  }
}
