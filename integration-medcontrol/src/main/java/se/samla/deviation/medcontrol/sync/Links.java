package se.samla.deviation.medcontrol.sync;

import static se.samla.deviation.medcontrol.sync.LedgerSql.instant;
import static se.samla.deviation.medcontrol.sync.LedgerSql.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code medcontrol_link}: each deviation's remote case, the remote version we last merged, and the
 * base of the three-way merge (the shared fields' values both sides last agreed on, as JSON without
 * patient data). No method opens a transaction.
 */
class Links {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  Links(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<Link> find(UUID deviationId) {
    return jdbc.sql("select * from medcontrol_link where deviation_id = :id")
        .param("id", deviationId)
        .query(this::link)
        .optional();
  }

  /** The link of a deviation, locked until the transaction ends. */
  Optional<Link> lock(UUID deviationId) {
    return jdbc.sql("select * from medcontrol_link where deviation_id = :id for update")
        .param("id", deviationId)
        .query(this::link)
        .optional();
  }

  /** The link of a remote case, locked until the transaction ends (merges queue up behind it). */
  Optional<Link> lockByCase(String caseId) {
    return jdbc.sql("select * from medcontrol_link where case_id = :case for update")
        .param("case", caseId)
        .query(this::link)
        .optional();
  }

  /** Creates the link; a concurrent creator of the same link wins and this returns false. */
  boolean insert(
      UUID deviationId,
      String caseId,
      long remoteVersion,
      Map<SharedField, String> base,
      Instant now) {
    return jdbc.sql(
                """
                insert into medcontrol_link
                    (deviation_id, case_id, remote_version, base, last_synced_at)
                values (:id, :case, :version, cast(:base as jsonb), :now)
                on conflict do nothing
                """)
            .param("id", deviationId)
            .param("case", caseId)
            .param("version", remoteVersion)
            .param("base", write(base))
            .param("now", ts(now))
            .update()
        == 1;
  }

  /**
   * Records a merge or a send: the new base, the remote version (which never moves backwards) and,
   * after a send, the deviation version sent.
   */
  void update(
      UUID deviationId,
      long remoteVersion,
      Map<SharedField, String> base,
      Long syncedVersion,
      Instant now) {
    jdbc.sql(
            """
            update medcontrol_link
               set remote_version = greatest(remote_version, :version),
                   base = cast(:base as jsonb),
                   synced_version = coalesce(:synced, synced_version),
                   last_synced_at = :now
             where deviation_id = :id
            """)
        .param("version", remoteVersion)
        .param("base", write(base))
        .param("synced", syncedVersion)
        .param("now", ts(now))
        .param("id", deviationId)
        .update();
  }

  private Link link(ResultSet rs, int n) throws SQLException {
    return new Link(
        rs.getObject("deviation_id", UUID.class),
        rs.getString("case_id"),
        rs.getLong("remote_version"),
        read(rs.getString("base")),
        instant(rs, "last_synced_at"));
  }

  private String write(Map<SharedField, String> base) {
    Map<String, String> plain = new LinkedHashMap<>();
    base.forEach((k, v) -> plain.put(k.key(), v));
    try {
      return json.writeValueAsString(plain);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the merge base", e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<SharedField, String> read(String text) {
    try {
      Map<String, String> plain = json.readValue(text, Map.class);
      Map<SharedField, String> base = new EnumMap<>(SharedField.class);
      plain.forEach((k, v) -> base.put(SharedField.ofKey(k), v));
      return base;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the merge base is not JSON", e);
    }
  }
}
