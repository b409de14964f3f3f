package se.samla.deviation.core.deviation.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.deviation.infrastructure.DeadlineProperties;
import se.samla.deviation.core.deviation.infrastructure.Deviations;

/**
 * Closes ANSWERED deviations that nobody accepted or disputed within the configured number of days.
 * Runs on one instance at a time (a JDBC lock); each deviation closes in its own transaction under
 * optimistic locking, so a reporter who accepts at the same moment wins cleanly and a second run
 * finds nothing left to do.
 */
@Component
public class AutoCloseAnsweredDeviations {

  static final String LOCK_KEY = "deviation-auto-close";
  private static final int BATCH = 500;
  private static final Logger log = LoggerFactory.getLogger(AutoCloseAnsweredDeviations.class);

  private final Deviations deviations;
  private final DeviationCommit commit;
  private final LockRegistry locks;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final int afterDays;

  AutoCloseAnsweredDeviations(
      Deviations deviations,
      DeviationCommit commit,
      LockRegistry locks,
      PlatformTransactionManager transactions,
      Clock clock,
      DeadlineProperties properties) {
    this.deviations = deviations;
    this.commit = commit;
    this.locks = locks;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.afterDays = properties.autoCloseAfterDays();
  }

  @Scheduled(
      fixedDelayString = "${deviation.auto-close.interval:PT15M}",
      initialDelayString = "${deviation.auto-close.initial-delay:PT1M}")
  public void runScheduled() {
    run();
  }

  /**
   * Closes what is due, if no other instance is doing it right now.
   *
   * @return how many deviations this run closed; -1 when another instance held the lock
   */
  public int run() {
    Lock lock = locks.obtain(LOCK_KEY);
    if (!lock.tryLock()) {
      return -1;
    }
    try {
      return closeDue();
    } finally {
      lock.unlock();
    }
  }

  private int closeDue() {
    int closed = 0;
    int closedInBatch;
    List<UUID> due;
    do {
      Instant now = clock.instant();
      due = deviations.findAnsweredBefore(now.minus(Duration.ofDays(afterDays)), Limit.of(BATCH));
      closedInBatch = 0;
      for (UUID id : due) {
        if (closeOne(id, now)) {
          closedInBatch++;
        }
      }
      closed += closedInBatch;
    } while (due.size() == BATCH && closedInBatch > 0);
    if (closed > 0) {
      log.info("auto-closed {} answered deviations after {} days", closed, afterDays);
    }
    return closed;
  }

  private boolean closeOne(UUID id, Instant now) {
    try {
      return Boolean.TRUE.equals(
          transaction.execute(
              tx -> {
                Deviation d = deviations.findById(id).orElse(null);
                if (d == null || d.status() != DeviationStatus.ANSWERED) {
                  return false;
                }
                d.autoClose(now, afterDays);
                commit.changed(d);
                return true;
              }));
    } catch (VersionConflictException e) {
      // Someone changed the deviation meanwhile (a version or timeline-sequence clash).
      log.info("deviation {} changed while auto-closing; left for the next run", id);
      return false;
    }
  }
}
