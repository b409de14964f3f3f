package se.samla.deviation.core.organisation.infrastructure;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import se.samla.deviation.core.organisation.domain.Category;

public interface Categories extends JpaRepository<Category, String> {

  List<Category> findAllByOrderBySortOrder();

  /** The categories mapped to a MedControl PRO code, newest list version first. */
  List<Category> findByMedControlCodeOrderByListVersionDesc(String medControlCode);
}
