package se.samla.deviation.core.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** A care unit (vårdenhet/verksamhet) that reports and receives deviations. */
@Entity
@Table(name = "unit")
public class Unit {

  @Id private String hsaId;

  private String name;

  @Column(name = "organisation_hsa_id")
  private String organisationHsaId;

  @Column(name = "parent_hsa_id")
  private String parentHsaId;

  private boolean active;

  protected Unit() {}

  public Unit(
      String hsaId, String name, String organisationHsaId, String parentHsaId, boolean active) {
    this.hsaId = Objects.requireNonNull(hsaId, "hsaId");
    this.parentHsaId = parentHsaId;
    update(name, organisationHsaId, active);
  }

  public void update(String name, String organisationHsaId, boolean active) {
    this.name = Objects.requireNonNull(name, "name");
    this.organisationHsaId = Objects.requireNonNull(organisationHsaId, "organisationHsaId");
    this.active = active;
  }

  public String hsaId() {
    return hsaId;
  }

  public String name() {
    return name;
  }

  public String organisationHsaId() {
    return organisationHsaId;
  }

  public String parentHsaId() {
    return parentHsaId;
  }

  public boolean active() {
    return active;
  }
}
