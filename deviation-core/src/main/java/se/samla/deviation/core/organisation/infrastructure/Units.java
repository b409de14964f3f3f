package se.samla.deviation.core.organisation.infrastructure;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.samla.deviation.core.organisation.domain.Unit;

public interface Units extends JpaRepository<Unit, String> {

  @Query(
      """
      select u from Unit u
      where u.active = true
        and (:organisation is null or u.organisationHsaId = :organisation)
        and (:query is null or lower(u.name) like lower(concat('%', cast(:query as string), '%')))
      order by u.name
      """)
  List<Unit> searchActive(
      @Param("query") String query, @Param("organisation") String organisationHsaId);
}
