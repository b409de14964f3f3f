package se.samla.deviation.core.organisation.application;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.organisation.domain.CoordinatorAppointment;
import se.samla.deviation.core.organisation.domain.HandlerAppointment;
import se.samla.deviation.core.organisation.infrastructure.CoordinatorAppointments;
import se.samla.deviation.core.organisation.infrastructure.HandlerAppointments;

/**
 * Builds the {@link Actor} for a logged-in person from our own appointments. Called per request (or
 * with a short cache) so that a removed appointment takes effect without a new login.
 */
@Service
public class ActorDirectory {

  private final HandlerAppointments handlers;
  private final CoordinatorAppointments coordinators;

  ActorDirectory(HandlerAppointments handlers, CoordinatorAppointments coordinators) {
    this.handlers = handlers;
    this.coordinators = coordinators;
  }

  @Transactional(readOnly = true)
  public Actor actorFor(
      PersonRef person, String actingUnitHsaId, String organisationHsaId, boolean administrator) {
    Set<String> handlerUnits =
        handlers.findByPersonHsaId(person.hsaId()).stream()
            .map(HandlerAppointment::unitHsaId)
            .collect(Collectors.toSet());
    Set<String> coordinated =
        coordinators.findByPersonHsaId(person.hsaId()).stream()
            .map(CoordinatorAppointment::organisationHsaId)
            .collect(Collectors.toSet());
    return new Actor(
        person, actingUnitHsaId, organisationHsaId, handlerUnits, coordinated, administrator);
  }
}
