package se.samla.deviation.medcontrol.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sync ledger's tables (migration V8) in plain SQL: the outbox, the links with their merge
 * base, the inbox, the cursor, the conflicts and the pause switch. No method opens a transaction;
 * callers decide the boundaries.
 */
public class SyncLedger {

  private static final int ERROR_LENGTH = 500;

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  SyncLedger(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // ---- outbox -------------------------------------------------------------------------------

  /** An outbox row claimed by this instance until {@code leaseUntil}. */
  public record Claim(
      long id, UUID deviationId, UUID token, int attempts, Instant createdAt, int claimedChanges) {}

  /** Marks a deviation as needing a send; coalesces into its active row if there is one. */
  void enqueue(UUID deviationId, Instant now) {
    jdbc.sql(
            """
            insert into medcontrol_outbox
                (deviation_id, changes, state, attempts, created_at, updated_at, next_attempt_at)
            values (:id, 1, 'PENDING', 0, :now, :now, :now)
            on conflict (deviation_id) where state in ('PENDING', 'IN_FLIGHT')
            do update set changes = medcontrol_outbox.changes + 1, updated_at = excluded.updated_at
            """)
        .param("id", deviationId)
        .param("now", ts(now))
        .update();
  }

  /**
   * Claims up to {@code limit} due rows: pending ones whose time has come and in-flight ones whose
   * lease ran out (their claimer died). Rows locked by another claimer are skipped, not waited on.
   */
  List<Claim> claim(int limit, Instant now, Duration lease) {
    UUID token = UUID.randomUUID();
    return jdbc.sql(
            """
            update medcontrol_outbox o
               set state = 'IN_FLIGHT', claim_token = :token, lease_until = :leaseUntil,
                   claimed_changes = o.changes, updated_at = :now
              from (select id from medcontrol_outbox
                     where (state = 'PENDING' and next_attempt_at <= :now)
                        or (state = 'IN_FLIGHT' and lease_until < :now)
                     order by next_attempt_at, id
                     limit :limit
                     for update skip locked) due
             where o.id = due.id
            returning o.id, o.deviation_id, o.claim_token, o.attempts, o.created_at, o.changes
            """)
        .param("token", token)
        .param("leaseUntil", ts(now.plus(lease)))
        .param("now", ts(now))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Claim(
                    rs.getLong("id"),
                    rs.getObject("deviation_id", UUID.class),
                    rs.getObject("claim_token", UUID.class),
                    rs.getInt("attempts"),
                    instant(rs, "created_at"),
                    rs.getInt("changes")))
        .list();
  }

  /**
   * Completes a send. If more changes arrived while it was in flight the row goes back to PENDING
   * at once (they still have to be sent), else it is SENT. False when the claim was lost.
   */
  boolean completeSent(Claim claim, Instant now) {
    return jdbc.sql(
                """
                update medcontrol_outbox
                   set state = case when changes = claimed_changes then 'SENT' else 'PENDING' end,
                       completed_at = case when changes = claimed_changes then cast(:now as timestamptz) end,
                       attempts = 0, next_attempt_at = :now, claim_token = null, lease_until = null,
                       last_http_status = null, last_error = null, updated_at = :now
                 where id = :id and claim_token = :token and state = 'IN_FLIGHT'
                """)
            .param("now", ts(now))
            .param("id", claim.id())
            .param("token", claim.token())
            .update()
        == 1;
  }

  /** A failed attempt: back to PENDING until {@code next}, with the attempt counted. */
  boolean retryLater(Claim claim, Instant next, Integer status, String error, Instant now) {
    return release(claim, "PENDING", claim.attempts() + 1, next, status, error, now);
  }

  /** Not attempted (breaker open, paused, rate limited): back to PENDING, attempts unchanged. */
  boolean postpone(Claim claim, Instant next, Instant now) {
    return release(claim, "PENDING", claim.attempts(), next, null, null, now);
  }

  boolean markDead(Claim claim, Integer status, String error, Instant now) {
    return release(claim, "DEAD", claim.attempts() + 1, now, status, error, now);
  }

  private boolean release(
      Claim claim,
      String state,
      int attempts,
      Instant next,
      Integer status,
      String error,
      Instant now) {
    return jdbc.sql(
                """
                update medcontrol_outbox
                   set state = :state, attempts = :attempts, next_attempt_at = :next,
                       claim_token = null, lease_until = null,
                       last_http_status = coalesce(cast(:status as integer), last_http_status),
                       last_error = coalesce(cast(:error as varchar), last_error),
                       completed_at = case when cast(:state as varchar) = 'DEAD' then cast(:now as timestamptz) end,
                       updated_at = :now
                 where id = :id and claim_token = :token and state = 'IN_FLIGHT'
                """)
            .param("state", state)
            .param("attempts", attempts)
            .param("next", ts(next))
            .param("status", status)
            .param("error", error == null ? null : truncate(error))
            .param("now", ts(now))
            .param("id", claim.id())
            .param("token", claim.token())
            .update()
        == 1;
  }

  /** Puts a DEAD row back to PENDING. False when it is not DEAD or a newer row is active. */
  boolean replay(long id, Instant now) {
    Integer active =
        jdbc.sql(
                """
                select count(*) from medcontrol_outbox a
                  join medcontrol_outbox d on d.deviation_id = a.deviation_id
                 where d.id = :id and a.state in ('PENDING', 'IN_FLIGHT')
                """)
            .param("id", id)
            .query(Integer.class)
            .single();
    if (active > 0) {
      // A newer change is already queued: it sends the deviation as it is now.
      return jdbc.sql(
                  "update medcontrol_outbox set last_error = 'superseded by a newer change',"
                      + " updated_at = :now where id = :id and state = 'DEAD'")
              .param("id", id)
              .param("now", ts(now))
              .update()
          == 1;
    }
    return jdbc.sql(
                """
                update medcontrol_outbox
                   set state = 'PENDING', attempts = 0, next_attempt_at = :now, created_at = :now,
                       completed_at = null, updated_at = :now
                 where id = :id and state = 'DEAD'
                """)
            .param("id", id)
            .param("now", ts(now))
            .update()
        == 1;
  }

  /**
   * Deletes SENT outbox rows and inbox rows older than {@code before}. DEAD rows stay until an
   * operator replays them; a feed item seen again after its inbox row is gone merges to no change.
   */
  int purgeHistory(Instant before) {
    int outbox =
        jdbc.sql("delete from medcontrol_outbox where state = 'SENT' and completed_at < :before")
            .param("before", ts(before))
            .update();
    int inbox =
        jdbc.sql("delete from medcontrol_inbox where received_at < :before")
            .param("before", ts(before))
            .update();
    return outbox + inbox;
  }

  // ---- links and the merge base -------------------------------------------------------------

  /** A deviation's remote case, the remote version we know and the merge base. */
  record Link(
      UUID deviationId,
      String caseId,
      long remoteVersion,
      Map<SharedField, String> base,
      Instant lastSyncedAt) {}

  Optional<Link> link(UUID deviationId) {
    return jdbc.sql("select * from medcontrol_link where deviation_id = :id")
        .param("id", deviationId)
        .query((org.springframework.jdbc.core.RowMapper<Link>) this::link)
        .optional();
  }

  /** The link of a remote case, locked until the transaction ends (merges queue up behind it). */
  Optional<Link> lockLinkByCase(String caseId) {
    return jdbc.sql("select * from medcontrol_link where case_id = :case for update")
        .param("case", caseId)
        .query((org.springframework.jdbc.core.RowMapper<Link>) this::link)
        .optional();
  }

  Optional<Link> lockLink(UUID deviationId) {
    return jdbc.sql("select * from medcontrol_link where deviation_id = :id for update")
        .param("id", deviationId)
        .query((org.springframework.jdbc.core.RowMapper<Link>) this::link)
        .optional();
  }

  /** Creates the link; a concurrent creator of the same link wins and this returns false. */
  boolean insertLink(
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

  void updateLink(
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

  // ---- inbox --------------------------------------------------------------------------------

  /** Records a (case, version) the first time it is seen; false when it was seen before. */
  boolean recordInbox(
      String caseId, long version, String outcome, UUID deviationId, String detail, Instant now) {
    return jdbc.sql(
                """
                insert into medcontrol_inbox (case_id, version, received_at, outcome, deviation_id, detail)
                values (:case, :version, :now, :outcome, :deviation, :detail)
                on conflict do nothing
                """)
            .param("case", caseId)
            .param("version", version)
            .param("now", ts(now))
            .param("outcome", outcome)
            .param("deviation", deviationId)
            .param("detail", detail == null ? null : truncate(detail))
            .update()
        == 1;
  }

  void setInboxOutcome(
      String caseId, long version, String outcome, UUID deviationId, String detail) {
    jdbc.sql(
            """
            update medcontrol_inbox set outcome = :outcome, deviation_id = :deviation, detail = :detail
             where case_id = :case and version = :version
            """)
        .param("outcome", outcome)
        .param("deviation", deviationId)
        .param("detail", detail == null ? null : truncate(detail))
        .param("case", caseId)
        .param("version", version)
        .update();
  }

  // ---- cursor -------------------------------------------------------------------------------

  Optional<String> cursor() {
    return jdbc.sql("select cursor from medcontrol_cursor where name = 'changes'")
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .single();
  }

  /** Compare-and-set: moves the cursor only if it still is {@code expected}. */
  boolean advanceCursor(String expected, String next, Instant now) {
    return jdbc.sql(
                """
                update medcontrol_cursor set cursor = :next, updated_at = :now, last_poll_at = :now
                 where name = 'changes' and cursor is not distinct from :expected
                """)
            .param("next", next)
            .param("now", ts(now))
            .param("expected", expected)
            .update()
        == 1;
  }

  // ---- conflicts ----------------------------------------------------------------------------

  Set<SharedField> openConflictFields(UUID deviationId) {
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
  void openConflict(
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

  // ---- pause switch -------------------------------------------------------------------------

  boolean paused() {
    return jdbc.sql("select paused from medcontrol_control where id = 1")
        .query(Boolean.class)
        .single();
  }

  void setPaused(boolean paused, String by, Instant now) {
    jdbc.sql(
            "update medcontrol_control set paused = :p, changed_by = :by, changed_at = :now where id = 1")
        .param("p", paused)
        .param("by", by)
        .param("now", ts(now))
        .update();
  }

  // ---- helpers ------------------------------------------------------------------------------

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

  static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String truncate(String s) {
    return s.length() <= ERROR_LENGTH ? s : s.substring(0, ERROR_LENGTH);
  }
}
