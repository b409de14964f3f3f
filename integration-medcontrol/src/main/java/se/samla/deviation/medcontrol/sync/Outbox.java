package se.samla.deviation.medcontrol.sync;

import static se.samla.deviation.medcontrol.sync.LedgerSql.bounded;
import static se.samla.deviation.medcontrol.sync.LedgerSql.instant;
import static se.samla.deviation.medcontrol.sync.LedgerSql.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.OutboxItem;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.OutboxState;

/**
 * {@code medcontrol_outbox}: one active row (PENDING or IN_FLIGHT) per deviation that says "send
 * this deviation as it is now". Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, a claim token
 * and a lease; every settlement is conditional on the token and on IN_FLIGHT, so a claimer that
 * lost its claim changes nothing. No method opens a transaction.
 */
class Outbox {

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

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
  List<OutboxClaim> claim(int limit, Instant now, Duration lease) {
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
                new OutboxClaim(
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
  boolean completeSent(OutboxClaim claim, Instant now) {
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
  boolean retryLater(OutboxClaim claim, Instant next, Integer status, String error, Instant now) {
    return release(claim, OutboxState.PENDING, claim.attempts() + 1, next, status, error, now);
  }

  /** Not attempted (breaker open, paused, rate limited): back to PENDING, attempts unchanged. */
  boolean postpone(OutboxClaim claim, Instant next, Instant now) {
    return release(claim, OutboxState.PENDING, claim.attempts(), next, null, null, now);
  }

  /** Given up on: DEAD until an operator replays it, with the attempt counted. */
  boolean markDead(OutboxClaim claim, Integer status, String error, Instant now) {
    return release(claim, OutboxState.DEAD, claim.attempts() + 1, now, status, error, now);
  }

  private boolean release(
      OutboxClaim claim,
      OutboxState state,
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
            .param("state", state.name())
            .param("attempts", attempts)
            .param("next", ts(next))
            .param("status", status)
            .param("error", bounded(error))
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

  /** Deletes SENT rows completed before {@code before}. DEAD rows stay until they are replayed. */
  int purgeSentBefore(Instant before) {
    return jdbc.sql("delete from medcontrol_outbox where state = 'SENT' and completed_at < :before")
        .param("before", ts(before))
        .update();
  }

  /**
   * The rows in a state with their deviation: PENDING and IN_FLIGHT due first, else newest first.
   */
  List<OutboxItem> list(OutboxState state, int limit) {
    Objects.requireNonNull(state, "state");
    String order =
        state == OutboxState.PENDING || state == OutboxState.IN_FLIGHT
            ? "o.next_attempt_at"
            : "o.id desc";
    return jdbc.sql(
            """
            select o.id, o.deviation_id, d.case_number, d.version, o.state, o.attempts, o.created_at,
                   o.next_attempt_at, o.last_http_status, o.last_error
              from medcontrol_outbox o join deviation d on d.id = o.deviation_id
             where o.state = :state
             order by %s limit :limit
            """
                .formatted(order))
        .param("state", state.name())
        .param("limit", limit)
        .query(
            (rs, n) ->
                new OutboxItem(
                    rs.getLong("id"),
                    rs.getObject("deviation_id", UUID.class),
                    rs.getString("case_number"),
                    rs.getLong("version"),
                    OutboxState.valueOf(rs.getString("state")),
                    rs.getInt("attempts"),
                    instant(rs, "created_at"),
                    instant(rs, "next_attempt_at"),
                    (Integer) rs.getObject("last_http_status"),
                    rs.getString("last_error")))
        .list();
  }

  /** How many rows are PENDING, IN_FLIGHT and DEAD (SENT is history and not counted). */
  Map<OutboxState, Long> countOpenByState() {
    Map<OutboxState, Long> byState = new EnumMap<>(OutboxState.class);
    jdbc.sql(
            """
            select state, count(*) from medcontrol_outbox
             where state in ('PENDING', 'IN_FLIGHT', 'DEAD') group by state
            """)
        .query(
            (RowCallbackHandler)
                rs -> byState.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2)));
    return byState;
  }

  /** When the oldest change not yet in MedControl PRO was queued. */
  Optional<Instant> oldestActive() {
    return jdbc.sql(
            "select min(created_at) from medcontrol_outbox where state in ('PENDING', 'IN_FLIGHT')")
        .query((rs, n) -> Optional.ofNullable(instant(rs, "min")))
        .single();
  }
}
