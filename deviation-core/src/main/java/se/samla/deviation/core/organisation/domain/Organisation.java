package se.samla.deviation.core.organisation.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** A care provider: the region, a municipality or a private provider. */
@Entity
@Table(name = "organisation")
public class Organisation {

  @Id private String hsaId;

  private String name;

  @Enumerated(EnumType.STRING)
  private OrganisationKind kind;

  protected Organisation() {}

  public Organisation(String hsaId, String name, OrganisationKind kind) {
    this.hsaId = Objects.requireNonNull(hsaId, "hsaId");
    rename(name);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public void rename(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  public void changeKind(OrganisationKind kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public String hsaId() {
    return hsaId;
  }

  public String name() {
    return name;
  }

  public OrganisationKind kind() {
    return kind;
  }
}
