package se.samla.deviation.core.deviation.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import se.samla.deviation.core.deviation.domain.Deviation;

public interface Deviations
    extends JpaRepository<Deviation, UUID>,
        JpaSpecificationExecutor<Deviation>,
        NewAggregates<Deviation> {

  /** ANSWERED deviations whose answer is older than the cut-off, oldest first. */
  @Query(
      """
      select d.id from Deviation d
      where d.status = se.samla.deviation.core.deviation.domain.DeviationStatus.ANSWERED
        and d.answer.answeredAt < :cutoff
      order by d.answer.answeredAt
      """)
  List<UUID> findAnsweredBefore(@Param("cutoff") Instant cutoff, Limit limit);
}
