package se.samla.deviation.medcontrol.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.client.ChangePage;
import se.samla.deviation.medcontrol.client.MedControlClient;
import se.samla.deviation.medcontrol.client.RemoteCase;

/**
 * Reads MedControl PRO's change feed from the persisted cursor. Every item is applied in its own
 * transaction first; only then is the cursor moved, by compare-and-set, so a crash in between reads
 * the page again (the inbox makes that harmless) and two pollers cannot move it backwards. Run by
 * the leader; correct without it.
 */
public class ChangeFeedPoller {

  private static final Logger log = LoggerFactory.getLogger(ChangeFeedPoller.class);

  private final SyncControl control;
  private final FeedCursor cursor;
  private final MedControlClient client;
  private final InboundSync inbound;
  private final SyncMetrics metrics;
  private final TransactionTemplate tx;
  private final MedControlProperties config;
  private final Clock clock;

  ChangeFeedPoller(
      SyncControl control,
      FeedCursor cursor,
      MedControlClient client,
      InboundSync inbound,
      SyncMetrics metrics,
      TransactionTemplate tx,
      MedControlProperties config,
      Clock clock) {
    this.control = control;
    this.cursor = cursor;
    this.client = client;
    this.inbound = inbound;
    this.metrics = metrics;
    this.tx = tx;
    this.config = config;
    this.clock = clock;
  }

  /** Reads pages until the feed has no more or the page budget is spent. Returns items seen. */
  public int pollOnce() {
    if (!config.enabled() || Boolean.TRUE.equals(tx.execute(s -> control.paused()))) {
      return 0;
    }
    int seen = 0;
    for (int pageNo = 0; pageNo < config.maxPagesPerPoll(); pageNo++) {
      Optional<String> current = tx.execute(s -> cursor.current());
      String since = current.orElse(null);
      ChangePage page = client.changes(since, config.pageSize());
      Instant newest = null;
      for (RemoteCase item : page.items()) {
        inbound.receive(item);
        seen++;
        if (item.modifiedAt() != null && (newest == null || item.modifiedAt().isAfter(newest))) {
          newest = item.modifiedAt();
        }
      }
      Instant now = clock.instant();
      boolean moved =
          Boolean.TRUE.equals(tx.execute(s -> cursor.advance(since, page.nextCursor(), now)));
      metrics.polled(now, newest);
      if (!moved) {
        log.info("change-feed cursor was moved by another poller; this poll stops");
        break;
      }
      if (!page.hasMore()) {
        break;
      }
    }
    return seen;
  }

  /** A poll that failed (remote or database): logged and counted; the next poll retries. */
  public void failed(Exception failure) {
    metrics.pollFailed();
    log.warn("MedControl PRO change-feed poll failed: {}", failure.toString());
  }
}
