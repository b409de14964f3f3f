package se.samla.deviation.core.organisation.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import se.samla.deviation.core.organisation.domain.HandlerAppointment;

public interface HandlerAppointments extends JpaRepository<HandlerAppointment, UUID> {

  List<HandlerAppointment> findByPersonHsaId(String personHsaId);

  List<HandlerAppointment> findByUnitHsaId(String unitHsaId);

  Optional<HandlerAppointment> findByUnitHsaIdAndPersonHsaId(String unitHsaId, String personHsaId);
}
