package se.samla.deviation.core.organisation.application;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.HsaId;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.NotFoundException;
import se.samla.deviation.core.common.application.NotPermittedException;
import se.samla.deviation.core.common.application.PlainText;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.organisation.domain.CoordinatorAppointment;
import se.samla.deviation.core.organisation.domain.HandlerAppointment;
import se.samla.deviation.core.organisation.domain.Organisation;
import se.samla.deviation.core.organisation.domain.OrganisationKind;
import se.samla.deviation.core.organisation.domain.Unit;
import se.samla.deviation.core.organisation.infrastructure.CoordinatorAppointments;
import se.samla.deviation.core.organisation.infrastructure.HandlerAppointments;
import se.samla.deviation.core.organisation.infrastructure.Organisations;
import se.samla.deviation.core.organisation.infrastructure.Units;

/** Administration of organisations, units and appointments. Administrators only. */
@Service
public class MasterData {

  private final Organisations organisations;
  private final Units units;
  private final HandlerAppointments handlers;
  private final CoordinatorAppointments coordinators;

  MasterData(
      Organisations organisations,
      Units units,
      HandlerAppointments handlers,
      CoordinatorAppointments coordinators) {
    this.organisations = organisations;
    this.units = units;
    this.handlers = handlers;
    this.coordinators = coordinators;
  }

  /** All organisations, by name. */
  @Transactional(readOnly = true)
  public List<Organisation> organisations(Actor admin) {
    requireAdmin(admin);
    return organisations.findAll(Sort.by("name"));
  }

  /** All units, active or not, by name. */
  @Transactional(readOnly = true)
  public List<Unit> units(Actor admin) {
    requireAdmin(admin);
    return units.findAll(Sort.by("name"));
  }

  @Transactional(readOnly = true)
  public List<HandlerAppointment> handlerAppointments(Actor admin) {
    requireAdmin(admin);
    return handlers.findAll();
  }

  @Transactional(readOnly = true)
  public List<CoordinatorAppointment> coordinatorAppointments(Actor admin) {
    requireAdmin(admin);
    return coordinators.findAll();
  }

  @Transactional
  public Organisation saveOrganisation(
      Actor admin, String hsaId, String name, OrganisationKind kind) {
    requireAdmin(admin);
    List<FieldError> errors = new ArrayList<>();
    requireHsaId(errors, "hsaId", hsaId);
    requireText(errors, "name", name, 200);
    if (kind == null) {
      errors.add(new FieldError("kind", "required", "kind is required"));
    }
    failOn(errors);
    Organisation org =
        organisations
            .findById(hsaId)
            .map(
                existing -> {
                  existing.rename(name.strip());
                  existing.changeKind(kind);
                  return existing;
                })
            .orElseGet(() -> new Organisation(hsaId, name.strip(), kind));
    return organisations.save(org);
  }

  @Transactional
  public Unit saveUnit(
      Actor admin, String hsaId, String name, String organisationHsaId, boolean active) {
    requireAdmin(admin);
    List<FieldError> errors = new ArrayList<>();
    requireHsaId(errors, "hsaId", hsaId);
    requireText(errors, "name", name, 200);
    if (!PlainText.isPlain(organisationHsaId)) {
      errors.add(PlainText.error("organisationHsaId"));
    } else if (organisationHsaId == null || !organisations.existsById(organisationHsaId)) {
      errors.add(
          new FieldError("organisationHsaId", "unknown", "no organisation with that HSA-id"));
    }
    failOn(errors);
    Unit unit =
        units
            .findById(hsaId)
            .map(
                existing -> {
                  existing.update(name.strip(), organisationHsaId, active);
                  return existing;
                })
            .orElseGet(() -> new Unit(hsaId, name.strip(), organisationHsaId, null, active));
    return units.save(unit);
  }

  @Transactional
  public HandlerAppointment appointHandler(
      Actor admin, String unitHsaId, String personHsaId, String name, String email) {
    requireAdmin(admin);
    List<FieldError> errors = new ArrayList<>();
    requireHsaId(errors, "personHsaId", personHsaId);
    requireText(errors, "name", name, 200);
    PlainText.check(errors, "email", email);
    failOn(errors);
    if (!units.existsById(unitHsaId)) {
      throw new NotFoundException("unit");
    }
    HandlerAppointment appointment =
        handlers
            .findByUnitHsaIdAndPersonHsaId(unitHsaId, personHsaId)
            .map(
                existing -> {
                  existing.update(name.strip(), email);
                  return existing;
                })
            .orElseGet(() -> new HandlerAppointment(unitHsaId, personHsaId, name.strip(), email));
    return handlers.save(appointment);
  }

  @Transactional
  public void removeHandler(Actor admin, String unitHsaId, String personHsaId) {
    requireAdmin(admin);
    handlers
        .findByUnitHsaIdAndPersonHsaId(unitHsaId, personHsaId)
        .ifPresentOrElse(
            handlers::delete,
            () -> {
              throw new NotFoundException("handler appointment");
            });
  }

  @Transactional
  public CoordinatorAppointment appointCoordinator(
      Actor admin, String organisationHsaId, String personHsaId, String name, String email) {
    requireAdmin(admin);
    List<FieldError> errors = new ArrayList<>();
    requireHsaId(errors, "personHsaId", personHsaId);
    requireText(errors, "name", name, 200);
    PlainText.check(errors, "email", email);
    failOn(errors);
    if (!organisations.existsById(organisationHsaId)) {
      throw new NotFoundException("organisation");
    }
    CoordinatorAppointment appointment =
        coordinators
            .findByOrganisationHsaIdAndPersonHsaId(organisationHsaId, personHsaId)
            .map(
                existing -> {
                  existing.update(name.strip(), email);
                  return existing;
                })
            .orElseGet(
                () ->
                    new CoordinatorAppointment(
                        organisationHsaId, personHsaId, name.strip(), email));
    return coordinators.save(appointment);
  }

  @Transactional
  public void removeCoordinator(Actor admin, String organisationHsaId, String personHsaId) {
    requireAdmin(admin);
    coordinators
        .findByOrganisationHsaIdAndPersonHsaId(organisationHsaId, personHsaId)
        .ifPresentOrElse(
            coordinators::delete,
            () -> {
              throw new NotFoundException("coordinator appointment");
            });
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.administrator()) {
      throw new NotPermittedException("only administrators manage master data");
    }
  }

  private static void requireHsaId(List<FieldError> errors, String field, String value) {
    if (!HsaId.isValid(value)) {
      errors.add(new FieldError(field, "hsaId", "not a valid HSA-id"));
    }
  }

  private static void requireText(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "required", field + " is required"));
    } else if (value.strip().length() > max) {
      errors.add(new FieldError(field, "size", field + " is longer than " + max));
    } else {
      PlainText.check(errors, field, value);
    }
  }

  private static void failOn(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
  }
}
