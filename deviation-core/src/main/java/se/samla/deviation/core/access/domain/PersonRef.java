package se.samla.deviation.core.access.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A person known by employee HSA-id, with the display name from the login or an appointment. */
@Embeddable
public record PersonRef(@Column(name = "hsa_id") String hsaId, @Column(name = "name") String name) {

  /** The actor recorded for what the service does by itself (auto-close, imports). */
  public static final PersonRef SYSTEM = new PersonRef("SYSTEM", "Systemet");

  /** The actor recorded for changes made in, or imported from, MedControl PRO. */
  public static final PersonRef MEDCONTROL = new PersonRef("MEDCONTROL", "MedControl PRO");

  public PersonRef {
    Objects.requireNonNull(hsaId, "hsaId");
    Objects.requireNonNull(name, "name");
  }
}
