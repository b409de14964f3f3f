package se.samla.deviation.medcontrol.sync;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samla.deviation.core.deviation.application.MedControlLink;
import se.samla.deviation.core.deviation.application.MedControlLinks;
import se.samla.deviation.core.deviation.application.MedControlSyncState;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.OutboxState;

/**
 * Each deviation's sync state for users: CONFLICT while a field waits for a person, FAILED when its
 * latest change is DEAD, PENDING while a change waits or is being sent, else SENT.
 */
class SyncStatusQuery implements MedControlLinks {

  private final JdbcClient jdbc;

  SyncStatusQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<UUID, MedControlLink> of(Collection<UUID> deviationIds) {
    Map<UUID, MedControlLink> states = new HashMap<>();
    if (deviationIds.isEmpty()) {
      return states;
    }
    jdbc.sql(
            """
            select d.id, l.case_id, l.last_synced_at,
                   exists (select 1 from medcontrol_conflict c
                            where c.deviation_id = d.id and c.state = 'OPEN') as conflict,
                   (select o.state from medcontrol_outbox o
                     where o.deviation_id = d.id order by o.id desc limit 1) as latest
              from deviation d left join medcontrol_link l on l.deviation_id = d.id
             where d.id in (:ids)
            """)
        .param("ids", deviationIds)
        .query(
            rs -> {
              String latestState = rs.getString("latest");
              OutboxState latest = latestState == null ? null : OutboxState.valueOf(latestState);
              String caseId = rs.getString("case_id");
              if (latest == null && caseId == null) {
                return;
              }
              MedControlSyncState state;
              if (rs.getBoolean("conflict")) {
                state = MedControlSyncState.CONFLICT;
              } else if (latest == OutboxState.DEAD) {
                state = MedControlSyncState.FAILED;
              } else if (latest == OutboxState.PENDING || latest == OutboxState.IN_FLIGHT) {
                state = MedControlSyncState.PENDING;
              } else {
                state = caseId == null ? MedControlSyncState.PENDING : MedControlSyncState.SENT;
              }
              states.put(
                  rs.getObject("id", UUID.class),
                  new MedControlLink(caseId, state, LedgerSql.instant(rs, "last_synced_at")));
            });
    return states;
  }
}
