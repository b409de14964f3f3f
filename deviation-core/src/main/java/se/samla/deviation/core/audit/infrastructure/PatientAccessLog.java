package se.samla.deviation.core.audit.infrastructure;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;
import se.samla.deviation.core.audit.domain.PatientAccessLogEntry;

/** The PDL access log: append and read, nothing else (the database refuses the rest too). */
public interface PatientAccessLog extends Repository<PatientAccessLogEntry, Long> {

  PatientAccessLogEntry save(PatientAccessLogEntry entry);

  List<PatientAccessLogEntry> findByDeviationIdOrderByAccessedAt(UUID deviationId);

  List<PatientAccessLogEntry> findByPatientPseudonymOrderByAccessedAt(String pseudonym);
}
