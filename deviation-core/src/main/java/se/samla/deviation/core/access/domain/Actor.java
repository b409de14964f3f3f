package se.samla.deviation.core.access.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who performs a command or a query: the person, the unit and organisation they act for (from the
 * login's commission), and the appointments that give them more than the reporter role.
 */
public record Actor(
    PersonRef person,
    String actingUnitHsaId,
    String organisationHsaId,
    Set<String> handlerUnits,
    Set<String> coordinatorOrganisations,
    boolean administrator) {

  public Actor {
    Objects.requireNonNull(person, "person");
    handlerUnits = Set.copyOf(handlerUnits);
    coordinatorOrganisations = Set.copyOf(coordinatorOrganisations);
  }

  public String hsaId() {
    return person.hsaId();
  }

  public boolean handles(String unitHsaId) {
    return handlerUnits.contains(unitHsaId);
  }

  public boolean coordinates(String organisationHsaId) {
    return coordinatorOrganisations.contains(organisationHsaId);
  }

  public Set<Role> roles() {
    Set<Role> roles = EnumSet.of(Role.REPORTER);
    if (!handlerUnits.isEmpty()) {
      roles.add(Role.HANDLER);
    }
    if (!coordinatorOrganisations.isEmpty()) {
      roles.add(Role.COORDINATOR);
    }
    if (administrator) {
      roles.add(Role.ADMIN);
    }
    return roles;
  }
}
