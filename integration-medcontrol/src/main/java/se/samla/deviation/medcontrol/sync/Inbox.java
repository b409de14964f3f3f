package se.samla.deviation.medcontrol.sync;

import static se.samla.deviation.medcontrol.sync.LedgerSql.bounded;
import static se.samla.deviation.medcontrol.sync.LedgerSql.instant;
import static se.samla.deviation.medcontrol.sync.LedgerSql.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samla.deviation.core.medcontrol.application.MedControlOperations.RejectedInboundItem;

/**
 * {@code medcontrol_inbox}: every remote (case, version) seen once, with what became of it. The key
 * alone makes replays, double polls and the echoes of our own writes do nothing. No method opens a
 * transaction.
 */
class Inbox {

  private final JdbcClient jdbc;

  Inbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a (case, version) the first time it is seen; false when it was seen before. */
  boolean record(
      String caseId,
      long version,
      InboxOutcome outcome,
      UUID deviationId,
      String detail,
      Instant now) {
    return jdbc.sql(
                """
                insert into medcontrol_inbox (case_id, version, received_at, outcome, deviation_id, detail)
                values (:case, :version, :now, :outcome, :deviation, :detail)
                on conflict do nothing
                """)
            .param("case", caseId)
            .param("version", version)
            .param("now", ts(now))
            .param("outcome", outcome.name())
            .param("deviation", deviationId)
            .param("detail", bounded(detail))
            .update()
        == 1;
  }

  /** Records what MedControl PRO answered to our own write, so that its echo is skipped. */
  void recordOwnWrite(String caseId, long version, UUID deviationId, Instant now) {
    record(caseId, version, InboxOutcome.OWN_WRITE, deviationId, null, now);
  }

  /** Sets what became of a (case, version) recorded earlier in the same transaction. */
  void setOutcome(
      String caseId, long version, InboxOutcome outcome, UUID deviationId, String detail) {
    jdbc.sql(
            """
            update medcontrol_inbox set outcome = :outcome, deviation_id = :deviation, detail = :detail
             where case_id = :case and version = :version
            """)
        .param("outcome", outcome.name())
        .param("deviation", deviationId)
        .param("detail", bounded(detail))
        .param("case", caseId)
        .param("version", version)
        .update();
  }

  /**
   * Deletes rows received before {@code before}; a feed item seen again after its row is gone
   * merges to no change.
   */
  int purgeBefore(Instant before) {
    return jdbc.sql("delete from medcontrol_inbox where received_at < :before")
        .param("before", ts(before))
        .update();
  }

  /** The rejected items, newest first. */
  List<RejectedInboundItem> rejected(int limit) {
    return jdbc.sql(
            """
            select case_id, version, received_at, detail from medcontrol_inbox
             where outcome = 'REJECTED' order by received_at desc limit :limit
            """)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new RejectedInboundItem(
                    rs.getString("case_id"),
                    rs.getLong("version"),
                    instant(rs, "received_at"),
                    rs.getString("detail")))
        .list();
  }

  long countRejected() {
    return jdbc.sql("select count(*) from medcontrol_inbox where outcome = 'REJECTED'")
        .query(Long.class)
        .single();
  }
}
