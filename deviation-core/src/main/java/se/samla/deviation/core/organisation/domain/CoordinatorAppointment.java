package se.samla.deviation.core.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import se.samla.deviation.core.access.domain.PersonRef;

/** A coordinator (avvikelsesamordnare, MAS/MAR/SAS) appointed for an organisation. */
@Entity
@Table(name = "coordinator_appointment")
public class CoordinatorAppointment {

  @Id private UUID id;

  @Column(name = "organisation_hsa_id")
  private String organisationHsaId;

  @Column(name = "person_hsa_id")
  private String personHsaId;

  private String name;

  private String email;

  protected CoordinatorAppointment() {}

  public CoordinatorAppointment(
      String organisationHsaId, String personHsaId, String name, String email) {
    this.id = UUID.randomUUID();
    this.organisationHsaId = Objects.requireNonNull(organisationHsaId, "organisationHsaId");
    this.personHsaId = Objects.requireNonNull(personHsaId, "personHsaId");
    update(name, email);
  }

  public void update(String name, String email) {
    this.name = Objects.requireNonNull(name, "name");
    this.email = email;
  }

  public String organisationHsaId() {
    return organisationHsaId;
  }

  public PersonRef person() {
    return new PersonRef(personHsaId, name);
  }

  public String email() {
    return email;
  }
}
