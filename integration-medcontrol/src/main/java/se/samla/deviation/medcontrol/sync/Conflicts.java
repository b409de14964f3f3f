package se.samla.deviation.medcontrol.sync;

import static se.samla.deviation.medcontrol.sync.LedgerSql.instant;
import static se.samla.deviation.medcontrol.sync.LedgerSql.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.Conflict;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.ConflictState;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.Resolution;

/**
 * {@code medcontrol_conflict}: a shared field changed on both sides since the base. At most one
 * OPEN conflict per deviation and field; it blocks the field outbound until a person keeps one
 * side. No method opens a transaction.
 */
class Conflicts {

  /** An open conflict, as its resolution needs it. */
  record Open(long id, UUID deviationId, String caseId, SharedField field, String remoteValue) {}

  private final JdbcClient jdbc;

  Conflicts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The fields of a deviation that wait for a person. */
  Set<SharedField> openFields(UUID deviationId) {
    return jdbc
        .sql("select field from medcontrol_conflict where deviation_id = :id and state = 'OPEN'")
        .param("id", deviationId)
        .query(String.class)
        .list()
        .stream()
        .map(SharedField::ofKey)
        .collect(Collectors.toSet());
  }

  /** Opens a conflict on a field, or refreshes the open one with the newest values. */
  void open(
      UUID deviationId,
      String caseId,
      SharedField field,
      String base,
      String local,
      String remote,
      long remoteVersion,
      Instant now) {
    jdbc.sql(
            """
            insert into medcontrol_conflict
                (deviation_id, case_id, field, base_value, local_value, remote_value, remote_version,
                 state, detected_at)
            values (:id, :case, :field, :base, :local, :remote, :version, 'OPEN', :now)
            on conflict (deviation_id, field) where state = 'OPEN'
            do update set local_value = excluded.local_value, remote_value = excluded.remote_value,
                          remote_version = excluded.remote_version
            """)
        .param("id", deviationId)
        .param("case", caseId)
        .param("field", field.key())
        .param("base", base)
        .param("local", local)
        .param("remote", remote)
        .param("version", remoteVersion)
        .param("now", ts(now))
        .update();
  }

  Optional<Open> findOpen(long id) {
    return jdbc.sql("select * from medcontrol_conflict where id = :id and state = 'OPEN'")
        .param("id", id)
        .query(
            (rs, n) ->
                new Open(
                    rs.getLong("id"),
                    rs.getObject("deviation_id", UUID.class),
                    rs.getString("case_id"),
                    SharedField.ofKey(rs.getString("field")),
                    rs.getString("remote_value")))
        .optional();
  }

  /** Closes an open conflict with the side kept; false when it is no longer open. */
  boolean resolve(long id, Resolution keep, String by, Instant now) {
    return jdbc.sql(
                """
                update medcontrol_conflict
                   set state = 'RESOLVED', resolution = :keep, resolved_by = :by, resolved_at = :now
                 where id = :id and state = 'OPEN'
                """)
            .param("keep", keep.name())
            .param("by", by)
            .param("now", ts(now))
            .param("id", id)
            .update()
        == 1;
  }

  /** Conflicts with their deviation's case number, newest first. */
  List<Conflict> list(boolean openOnly, int limit) {
    return jdbc.sql(
            """
            select c.*, d.case_number from medcontrol_conflict c join deviation d on d.id = c.deviation_id
             where (:all or c.state = 'OPEN') order by c.detected_at desc limit :limit
            """)
        .param("all", !openOnly)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Conflict(
                    rs.getLong("id"),
                    rs.getObject("deviation_id", UUID.class),
                    rs.getString("case_number"),
                    rs.getString("field"),
                    rs.getString("local_value"),
                    rs.getString("remote_value"),
                    instant(rs, "detected_at"),
                    ConflictState.valueOf(rs.getString("state")),
                    rs.getString("resolved_by"),
                    instant(rs, "resolved_at")))
        .list();
  }

  long countOpen() {
    return jdbc.sql("select count(*) from medcontrol_conflict where state = 'OPEN'")
        .query(Long.class)
        .single();
  }
}
