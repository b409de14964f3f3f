package se.samla.deviation.core.deviation.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
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

  /** The deviation linked to a MedControl PRO case. */
  Optional<Deviation> findByMedControlCaseId(String medControlCaseId);

  @Query("select d.id from Deviation d where d.medControlCaseId = :caseId")
  Optional<UUID> findIdByMedControlCaseId(@Param("caseId") String medControlCaseId);

  /** The linked case id, or an empty string when unlinked; empty when the deviation is absent. */
  @Query("select coalesce(d.medControlCaseId, '') from Deviation d where d.id = :id")
  Optional<String> findMedControlCaseIdById(@Param("id") UUID id);

  /**
   * Links an unlinked deviation to its MedControl PRO case without touching its version, so that
   * people editing it at the same time get no conflict.
   *
   * @return 1 when linked now, 0 when it was already linked (or does not exist)
   */
  @Modifying(flushAutomatically = true)
  @Query(
      """
      update Deviation d set d.medControlCaseId = :caseId
      where d.id = :id and d.medControlCaseId is null
      """)
  int linkMedControlCaseIfUnlinked(@Param("id") UUID id, @Param("caseId") String medControlCaseId);
}
