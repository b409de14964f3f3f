package se.samla.deviation.core.organisation.infrastructure;

import org.springframework.data.jpa.repository.JpaRepository;
import se.samla.deviation.core.organisation.domain.Organisation;

public interface Organisations extends JpaRepository<Organisation, String> {}
