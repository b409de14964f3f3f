package se.samla.deviation.medcontrol.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final Outbox outbox;
  private final Links links;
  private final Inbox inbox;
  private final Conflicts conflicts;
  private final SyncControl control;
  private final InboundSync inbound;
  private final MedControlClient client;
  private final SyncMetrics metrics;
  private final TransactionTemplate tx;
  private final MedControlProperties config;
  private final Clock clock;

  SyncAdministration(
      Outbox outbox,
      Links links,
      Inbox inbox,
      Conflicts conflicts,
      SyncControl control,
      InboundSync inbound,
      MedControlClient client,
      SyncMetrics metrics,
      TransactionTemplate tx,
      MedControlProperties config,
      Clock clock) {
    this.outbox = outbox;
    this.links = links;
    this.inbox = inbox;
    this.conflicts = conflicts;
    this.control = control;
    this.inbound = inbound;
    this.client = client;
    this.metrics = metrics;
    this.tx = tx;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Overview overview() {
    SyncSnapshot s = SyncSnapshot.read(outbox, conflicts, inbox, clock.instant());
    return new Overview(
        config.enabled(),
        control.paused(),
        metrics.isLeader(),
        s.outboxByState(),
        s.oldestPending(),
        s.openConflicts(),
        s.rejectedInbound(),
        metrics.lastPoll(),
        client.breakerState().name());
  }

  @Override
  public List<OutboxItem> outbox(OutboxState state, int limit) {
    return outbox.list(state, clamp(limit));
  }

  @Override
  public List<RejectedInboundItem> rejectedInbound(int limit) {
    return inbox.rejected(clamp(limit));
  }

  @Override
  public List<Conflict> conflicts(boolean openOnly, int limit) {
    return conflicts.list(openOnly, clamp(limit));
  }

  @Override
  public boolean replay(long outboxItemId, String operatorHsaId) {
    boolean replayed =
        Boolean.TRUE.equals(tx.execute(s -> outbox.replay(outboxItemId, clock.instant())));
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
    Conflicts.Open open = conflicts.findOpen(conflictId).orElse(null);
    if (open == null) {
      return false;
    }
    RemoteCase current = keep == Resolution.REMOTE ? client.get(open.caseId()) : null;
    Boolean done =
        tx.execute(
            s -> {
              Instant now = clock.instant();
              if (!conflicts.resolve(conflictId, keep, operatorHsaId, now)) {
                return false;
              }
              Link link = links.lock(open.deviationId()).orElseThrow();
              Map<SharedField, String> base = new EnumMap<>(SharedField.class);
              base.putAll(link.base());
              if (keep == Resolution.LOCAL) {
                base.put(open.field(), open.remoteValue());
                links.update(open.deviationId(), link.remoteVersion(), base, null, now);
                outbox.enqueue(open.deviationId(), now);
              } else {
                // Make our side look unchanged for this field, then merge the remote state.
                Map<SharedField, String> local =
                    CaseMapping.shared(inbound.local(open.deviationId()));
                base.put(open.field(), local.get(open.field()));
                links.update(open.deviationId(), 0, base, null, now);
                Link relinked = links.lock(open.deviationId()).orElseThrow();
                inbound.merge(
                    new Link(
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
    tx.executeWithoutResult(s -> control.setPaused(true, operatorHsaId, clock.instant()));
    log.warn("operator {} paused the MedControl PRO sync", operatorHsaId);
  }

  @Override
  public void resume(String operatorHsaId) {
    tx.executeWithoutResult(s -> control.setPaused(false, operatorHsaId, clock.instant()));
    log.warn("operator {} resumed the MedControl PRO sync", operatorHsaId);
  }

  private static int clamp(int limit) {
    return Math.max(1, Math.min(limit, 500));
  }
}
