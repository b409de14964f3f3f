package se.samla.deviation.core.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import se.samla.deviation.core.access.domain.PersonRef;

/** A case handler (handläggare) appointed for a unit. */
@Entity
@Table(name = "handler_appointment")
public class HandlerAppointment {

  @Id private UUID id;

  @Column(name = "unit_hsa_id")
  private String unitHsaId;

  @Column(name = "person_hsa_id")
  private String personHsaId;

  private String name;

  private String email;

  protected HandlerAppointment() {}

  public HandlerAppointment(String unitHsaId, String personHsaId, String name, String email) {
    this.id = UUID.randomUUID();
    this.unitHsaId = Objects.requireNonNull(unitHsaId, "unitHsaId");
    this.personHsaId = Objects.requireNonNull(personHsaId, "personHsaId");
    update(name, email);
  }

  public void update(String name, String email) {
    this.name = Objects.requireNonNull(name, "name");
    this.email = email;
  }

  public String unitHsaId() {
    return unitHsaId;
  }

  public PersonRef person() {
    return new PersonRef(personHsaId, name);
  }

  public String email() {
    return email;
  }
}
