package se.samla.deviation.core.deviation.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samla.deviation.core.common.application.FieldError;
import se.samla.deviation.core.common.application.PlainText;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;
import se.samla.deviation.core.deviation.domain.UnitRef;
import se.samla.deviation.core.organisation.domain.Unit;
import se.samla.deviation.core.organisation.infrastructure.Units;
import se.samla.deviation.core.patient.domain.InvalidPersonalIdentityNumberException;
import se.samla.deviation.core.patient.domain.PatientProtector;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;
import se.samla.deviation.core.patient.domain.ProtectedPatient;

/**
 * The checks a new deviation passes, whether a person registers it here or it arrives from
 * MedControl PRO: units that exist (and are active where it matters), a valid patient number. Each
 * check adds a {@link FieldError} naming the field, never the value, and returns null.
 */
@Component
public class RegistrationChecks {

  private final Units units;
  private final PatientProtector patients;
  private final DeadlinePolicy deadlines;

  RegistrationChecks(Units units, PatientProtector patients, DeadlinePolicy deadlines) {
    this.units = units;
    this.patients = patients;
    this.deadlines = deadlines;
  }

  /** An active unit, or null with an error. */
  public UnitRef activeUnit(String hsaId, String field, List<FieldError> errors) {
    return unit(hsaId, field, true, errors);
  }

  /**
   * A unit, or null with an error; {@code mustBeActive} false accepts a deactivated unit (a
   * reporting unit named by MedControl PRO may have been closed since).
   */
  public UnitRef unit(String hsaId, String field, boolean mustBeActive, List<FieldError> errors) {
    boolean alreadyInvalid = errors.stream().anyMatch(e -> e.field().equals(field));
    if (hsaId == null || hsaId.isBlank() || alreadyInvalid) {
      if (!alreadyInvalid) {
        errors.add(new FieldError(field, "required", "a unit is required"));
      }
      return null;
    }
    if (!PlainText.isPlain(hsaId)) {
      errors.add(PlainText.error(field));
      return null;
    }
    Optional<UnitRef> found =
        units
            .findById(hsaId.strip())
            .filter(u -> !mustBeActive || u.active())
            .map(RegistrationChecks::ref);
    if (found.isEmpty()) {
      errors.add(
          new FieldError(
              field,
              "unknown",
              mustBeActive ? "no active unit with that HSA-id" : "no unit with that HSA-id"));
      return null;
    }
    return found.get();
  }

  /** The patient protected for storage, null when no number is given, or null with an error. */
  public ProtectedPatient patient(
      String number, String field, Instant now, List<FieldError> errors) {
    if (number == null || number.isBlank()) {
      return null;
    }
    if (!PlainText.isPlain(number)) {
      errors.add(PlainText.error(field));
      return null;
    }
    try {
      LocalDate today = LocalDate.ofInstant(now, deadlines.zone());
      return patients.protect(PersonalIdentityNumber.parse(number.strip(), today));
    } catch (InvalidPersonalIdentityNumberException e) {
      errors.add(
          new FieldError(
              field, e.reason().name(), "not a valid personnummer or samordningsnummer"));
      return null;
    }
  }

  private static UnitRef ref(Unit u) {
    return new UnitRef(u.hsaId(), u.organisationHsaId());
  }
}
