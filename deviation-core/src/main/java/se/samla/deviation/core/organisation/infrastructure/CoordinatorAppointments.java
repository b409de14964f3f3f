package se.samla.deviation.core.organisation.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import se.samla.deviation.core.organisation.domain.CoordinatorAppointment;

public interface CoordinatorAppointments extends JpaRepository<CoordinatorAppointment, UUID> {

  List<CoordinatorAppointment> findByPersonHsaId(String personHsaId);

  List<CoordinatorAppointment> findByOrganisationHsaId(String organisationHsaId);

  Optional<CoordinatorAppointment> findByOrganisationHsaIdAndPersonHsaId(
      String organisationHsaId, String personHsaId);
}
