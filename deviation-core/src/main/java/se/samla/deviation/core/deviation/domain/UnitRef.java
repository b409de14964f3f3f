package se.samla.deviation.core.deviation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A unit and the organisation it belongs to, as the deviation refers to it. */
@Embeddable
public record UnitRef(
    @Column(name = "unit_hsa_id") String hsaId,
    @Column(name = "organisation_hsa_id") String organisationHsaId) {

  public UnitRef {
    Objects.requireNonNull(hsaId, "hsaId");
    Objects.requireNonNull(organisationHsaId, "organisationHsaId");
  }
}
