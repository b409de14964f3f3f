package se.samla.deviation.medcontrol.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.medcontrol.application.MedControlOperations;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.client.MedControlClient;
import se.samla.deviation.medcontrol.client.RemoteCase;

/**
 * What operators see and do: the backlog, dead items and their replay, rejected remote changes,
 * conflicts and their resolution, and the pause switch shared by all instances. Every action is
 * logged with the operator's HSA-id.
 */
public class SyncAdministration implements MedControlOperations {

  private static final Logger log = LoggerFactory.getLogger(SyncAdministration.class);
  private static final Set<String> STATES = Set.of("PENDING", "IN_FLIGHT", "DEAD", "SENT");

  private final JdbcClient jdbc;
  private final SyncLedger ledger;
  private final InboundSync inbound;
  private final MedControlClient client;
  private final SyncMetrics metrics;
  private final TransactionTemplate tx;
  private final MedControlProperties config;
  private final Clock clock;

  SyncAdministration(
      JdbcClient jdbc,
      SyncLedger ledger,
      InboundSync inbound,
      MedControlClient client,
      SyncMetrics metrics,
      TransactionTemplate tx,
      MedControlProperties config,
      Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.inbound = inbound;
    this.client = client;
    this.metrics = metrics;
    this.tx = tx;
    this.config = config;
    this.clock = clock;
  }

  static SyncSnapshot snapshot(JdbcClient jdbc, Instant now) {
    Map<String, Long> byState = new LinkedHashMap<>();
    jdbc.sql(
            """
            select state, count(*) from medcontrol_outbox
             where state in ('PENDING', 'IN_FLIGHT', 'DEAD') group by state
            """)
        .query(
            rs -> {
              byState.put(rs.getString(1), rs.getLong(2));
            });
    Instant oldest =
        jdbc.sql(
                "select min(created_at) from medcontrol_outbox where state in ('PENDING', 'IN_FLIGHT')")
            .query((rs, n) -> Optional.ofNullable(SyncLedger.instant(rs, "min")))
            .single()
            .orElse(null);
    long conflicts =
        jdbc.sql("select count(*) from medcontrol_conflict where state = 'OPEN'")
            .query(Long.class)
            .single();
    long rejected =
        jdbc.sql("select count(*) from medcontrol_inbox where outcome = 'REJECTED'")
            .query(Long.class)
            .single();
    return new SyncSnapshot(
        now, byState, oldest == null ? null : Duration.between(oldest, now), conflicts, rejected);
  }

  @Override
  public Overview overview() {
    SyncSnapshot s = snapshot(jdbc, clock.instant());
    return new Overview(
        config.enabled(),
        ledger.paused(),
        metrics.isLeader(),
        s.outboxByState(),
        s.oldestPending(),
        s.openConflicts(),
        s.rejectedInbound(),
        metrics.lastPoll(),
        client.breakerState().name());
  }

  @Override
  public List<OutboxItem> outbox(String state, int limit) {
    if (!STATES.contains(state)) {
      throw new IllegalArgumentException("state must be one of " + STATES);
    }
    String order =
        state.equals("PENDING") || state.equals("IN_FLIGHT") ? "o.next_attempt_at" : "o.id desc";
    return jdbc.sql(
            """
            select o.id, o.deviation_id, d.case_number, d.version, o.state, o.attempts, o.created_at,
                   o.next_attempt_at, o.last_http_status, o.last_error
              from medcontrol_outbox o join deviation d on d.id = o.deviation_id
             where o.state = :state
             order by %s limit :limit
            """
                .formatted(order))
        .param("state", state)
        .param("limit", clamp(limit))
        .query(
            (rs, n) ->
                new OutboxItem(
                    rs.getLong("id"),
                    rs.getObject("deviation_id", UUID.class),
                    rs.getString("case_number"),
                    rs.getLong("version"),
                    rs.getString("state"),
                    rs.getInt("attempts"),
                    SyncLedger.instant(rs, "created_at"),
                    SyncLedger.instant(rs, "next_attempt_at"),
                    (Integer) rs.getObject("last_http_status"),
                    rs.getString("last_error")))
        .list();
  }

  @Override
  public List<RejectedInboundItem> rejectedInbound(int limit) {
    return jdbc.sql(
            """
            select case_id, version, received_at, detail from medcontrol_inbox
             where outcome = 'REJECTED' order by received_at desc limit :limit
            """)
        .param("limit", clamp(limit))
        .query(
            (rs, n) ->
                new RejectedInboundItem(
                    rs.getString("case_id"),
                    rs.getLong("version"),
                    SyncLedger.instant(rs, "received_at"),
                    rs.getString("detail")))
        .list();
  }

  @Override
  public List<Conflict> conflicts(boolean openOnly, int limit) {
    return jdbc.sql(
            """
            select c.*, d.case_number from medcontrol_conflict c join deviation d on d.id = c.deviation_id
             where (:all or c.state = 'OPEN') order by c.detected_at desc limit :limit
            """)
        .param("all", !openOnly)
        .param("limit", clamp(limit))
        .query(
            (rs, n) ->
                new Conflict(
                    rs.getLong("id"),
                    rs.getObject("deviation_id", UUID.class),
                    rs.getString("case_number"),
                    rs.getString("field"),
                    rs.getString("local_value"),
                    rs.getString("remote_value"),
                    SyncLedger.instant(rs, "detected_at"),
                    rs.getString("state"),
                    rs.getString("resolved_by"),
                    SyncLedger.instant(rs, "resolved_at")))
        .list();
  }

  @Override
  public boolean replay(long outboxItemId, String operatorHsaId) {
    boolean replayed =
        Boolean.TRUE.equals(tx.execute(s -> ledger.replay(outboxItemId, clock.instant())));
    log.info("operator {} replayed outbox item {}: {}", operatorHsaId, outboxItemId, replayed);
    return replayed;
  }

  /**
   * LOCAL: the base takes the remote value, so our value differs from it and is sent again. REMOTE:
   * the case is read from MedControl PRO (outside any transaction), the base takes our value, and
   * the merge then takes the remote value here.
   */
  @Override
  public boolean resolveConflict(long conflictId, Resolution keep, String operatorHsaId) {
    record Open(UUID deviationId, String caseId, SharedField field, String remoteValue) {}
    Open open =
        jdbc.sql("select * from medcontrol_conflict where id = :id and state = 'OPEN'")
            .param("id", conflictId)
            .query(
                (rs, n) ->
                    new Open(
                        rs.getObject("deviation_id", UUID.class),
                        rs.getString("case_id"),
                        SharedField.ofKey(rs.getString("field")),
                        rs.getString("remote_value")))
            .optional()
            .orElse(null);
    if (open == null) {
      return false;
    }
    RemoteCase current = keep == Resolution.REMOTE ? client.get(open.caseId()) : null;
    Boolean done =
        tx.execute(
            s -> {
              Instant now = clock.instant();
              int closed =
                  jdbc.sql(
                          """
                          update medcontrol_conflict
                             set state = 'RESOLVED', resolution = :keep, resolved_by = :by,
                                 resolved_at = :now
                           where id = :id and state = 'OPEN'
                          """)
                      .param("keep", keep.name())
                      .param("by", operatorHsaId)
                      .param("now", SyncLedger.ts(now))
                      .param("id", conflictId)
                      .update();
              if (closed == 0) {
                return false;
              }
              SyncLedger.Link link = ledger.lockLink(open.deviationId()).orElseThrow();
              Map<SharedField, String> base = new java.util.EnumMap<>(SharedField.class);
              base.putAll(link.base());
              if (keep == Resolution.LOCAL) {
                base.put(open.field(), open.remoteValue());
                ledger.updateLink(open.deviationId(), link.remoteVersion(), base, null, now);
                ledger.enqueue(open.deviationId(), now);
              } else {
                // Make our side look unchanged for this field, then merge the remote state.
                Map<SharedField, String> local =
                    CaseMapping.shared(inbound.local(open.deviationId()));
                base.put(open.field(), local.get(open.field()));
                ledger.updateLink(open.deviationId(), 0, base, null, now);
                SyncLedger.Link relinked = ledger.lockLink(open.deviationId()).orElseThrow();
                inbound.merge(
                    new SyncLedger.Link(
                        relinked.deviationId(),
                        relinked.caseId(),
                        Math.min(relinked.remoteVersion(), current.version()),
                        relinked.base(),
                        relinked.lastSyncedAt()),
                    current,
                    now);
              }
              return true;
            });
    log.info(
        "operator {} resolved conflict {} keeping {}: {}", operatorHsaId, conflictId, keep, done);
    return Boolean.TRUE.equals(done);
  }

  @Override
  public void pause(String operatorHsaId) {
    tx.executeWithoutResult(s -> ledger.setPaused(true, operatorHsaId, clock.instant()));
    log.warn("operator {} paused the MedControl PRO sync", operatorHsaId);
  }

  @Override
  public void resume(String operatorHsaId) {
    tx.executeWithoutResult(s -> ledger.setPaused(false, operatorHsaId, clock.instant()));
    log.warn("operator {} resumed the MedControl PRO sync", operatorHsaId);
  }

  private static int clamp(int limit) {
    return Math.max(1, Math.min(limit, 500));
  }
}
