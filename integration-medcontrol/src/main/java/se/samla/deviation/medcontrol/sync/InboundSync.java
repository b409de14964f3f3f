package se.samla.deviation.medcontrol.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.common.application.ValidationFailedException;
import se.samla.deviation.core.deviation.domain.DeviationStatus;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.core.medcontrol.application.MedControlWorkflow;
import se.samla.deviation.medcontrol.client.RemoteCase;

/**
 * Applies one remote case state from the change feed (or from a re-read) here, in one transaction
 * per item, in these steps: record it in the inbox, whose key (case, version) makes a replay do
 * nothing and skips the echoes of our own writes (already there as OWN_WRITE); then merge a known
 * case field by field, or import a new case for our units as a deviation; the inbox row says what
 * became of it. An item that cannot be mapped is marked rejected and the feed goes on. The poller
 * moves the cursor past the page afterwards.
 */
class InboundSync {

  private static final Logger log = LoggerFactory.getLogger(InboundSync.class);

  /** What became of an item. */
  enum Outcome {
    DUPLICATE,
    CREATED,
    APPLIED,
    UNCHANGED,
    CONFLICT,
    REJECTED,
    IGNORED
  }

  private final Inbox inbox;
  private final Links links;
  private final Conflicts conflicts;
  private final MedControlWorkflow workflow;
  private final TransactionTemplate tx;
  private final SyncMetrics metrics;
  private final Clock clock;

  InboundSync(
      Inbox inbox,
      Links links,
      Conflicts conflicts,
      MedControlWorkflow workflow,
      TransactionTemplate tx,
      SyncMetrics metrics,
      Clock clock) {
    this.inbox = inbox;
    this.links = links;
    this.conflicts = conflicts;
    this.workflow = workflow;
    this.tx = tx;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Receives one item. Database and version-conflict failures propagate (the page is read again
   * from the unmoved cursor); mapping failures are recorded as REJECTED and return normally.
   */
  Outcome receive(RemoteCase item) {
    if (item.id() == null || item.id().isBlank() || item.version() == null) {
      log.warn("MedControl PRO change without id or version skipped");
      metrics.inbound(Outcome.REJECTED);
      return Outcome.REJECTED;
    }
    Outcome outcome;
    try {
      outcome = tx.execute(status -> process(item));
    } catch (UnmappableCaseException | ValidationFailedException e) {
      outcome = markRejected(item, reason(e));
    }
    metrics.inbound(outcome);
    return outcome;
  }

  /**
   * One item in one transaction: record it in the inbox (a replay or the echo of our own write is
   * already there and stops here), then merge it into its deviation, or import it as a new one, or
   * leave it to the relay that is linking it.
   */
  private Outcome process(RemoteCase item) {
    Instant now = clock.instant();
    // The link first, then the inbox: the relay records its own writes in the same order, so the
    // two never wait for each other in a cycle.
    Optional<Link> link = links.lockByCase(item.id());
    if (!recordInInbox(item, now)) {
      return Outcome.DUPLICATE;
    }
    if (link.isPresent()) {
      return mergeLinked(link.get(), item, now);
    }
    if (item.sourceReference() != null) {
      return ignoreUnlinked(item);
    }
    return importNew(item, now);
  }

  /** False when this (case, version) was seen before: a replay, or the echo of our own write. */
  private boolean recordInInbox(RemoteCase item, Instant now) {
    return inbox.record(item.id(), item.version(), InboxOutcome.UNCHANGED, null, null, now);
  }

  private Outcome mergeLinked(Link link, RemoteCase item, Instant now) {
    Outcome outcome = merge(link, item, now);
    inbox.setOutcome(item.id(), item.version(), recorded(outcome), link.deviationId(), null);
    return outcome;
  }

  /**
   * Created from a deviation here whose create has not been confirmed yet: the relay links it and
   * merges the remote state it reads then. Or another system's case: not ours.
   */
  private Outcome ignoreUnlinked(RemoteCase item) {
    inbox.setOutcome(item.id(), item.version(), InboxOutcome.IGNORED, null, "not linked");
    return Outcome.IGNORED;
  }

  /** A case registered in MedControl PRO for our units becomes a deviation here, and is linked. */
  private Outcome importNew(RemoteCase item, Instant now) {
    CaseMapping.shared(item); // an unknown status is refused before anything is created
    MedControlSnapshot created = workflow.registerFromMedControl(CaseMapping.toRegistration(item));
    Map<SharedField, String> base = CaseMapping.shared(created);
    if (!links.insert(created.deviationId(), item.id(), 0, base, now)) {
      throw new IllegalStateException("a link for case " + item.id() + " appeared concurrently");
    }
    // A case may have been handled in MedControl PRO before we saw it: merge what moved.
    Outcome merged = merge(links.lockByCase(item.id()).orElseThrow(), item, now);
    inbox.setOutcome(
        item.id(),
        item.version(),
        merged == Outcome.CONFLICT ? InboxOutcome.CONFLICT : InboxOutcome.CREATED,
        created.deviationId(),
        null);
    return Outcome.CREATED;
  }

  /** Recorded in a transaction of its own: the item's own transaction was rolled back. */
  private Outcome markRejected(RemoteCase item, String reason) {
    tx.executeWithoutResult(
        status ->
            inbox.record(
                item.id(), item.version(), InboxOutcome.REJECTED, null, reason, clock.instant()));
    log.warn("MedControl PRO case {} version {} rejected: {}", item.id(), item.version(), reason);
    return Outcome.REJECTED;
  }

  /**
   * Merges a remote state into a linked deviation; the caller holds the link's row lock inside its
   * transaction. An item older than the remote version we know changes nothing.
   */
  Outcome merge(Link link, RemoteCase item, Instant now) {
    if (item.version() < link.remoteVersion()) {
      return Outcome.UNCHANGED;
    }
    MedControlSnapshot local =
        workflow
            .snapshotWithoutPatient(link.deviationId())
            .orElseThrow(() -> new IllegalStateException("linked deviation is missing"));
    Map<SharedField, String> localValues = CaseMapping.shared(local);
    Map<SharedField, String> remoteValues = CaseMapping.shared(item);
    ThreeWayMerge.Inbound m = ThreeWayMerge.inbound(localValues, link.base(), remoteValues);
    Set<SharedField> take = EnumSet.noneOf(SharedField.class);
    take.addAll(m.takeRemote());
    Set<SharedField> clashes = EnumSet.noneOf(SharedField.class);
    clashes.addAll(m.conflicts());
    Map<SharedField, String> newBase = m.newBase();
    if (!take.isEmpty() && isFinished(local.status())) {
      // Closed or withdrawn here: the aggregate refuses every change, so a person decides.
      for (SharedField f : take) {
        newBase.put(f, link.base().get(f));
      }
      clashes.addAll(take);
      take.clear();
    }
    if (!take.isEmpty()) {
      workflow.applyFromMedControl(
          link.deviationId(), local.version(), CaseMapping.toChange(take, item));
    }
    for (SharedField f : clashes) {
      conflicts.open(
          link.deviationId(),
          link.caseId(),
          f,
          link.base().get(f),
          localValues.get(f),
          remoteValues.get(f),
          item.version(),
          now);
    }
    links.update(link.deviationId(), item.version(), newBase, null, now);
    if (!clashes.isEmpty()) {
      metrics.conflicts(clashes.size());
      return Outcome.CONFLICT;
    }
    return take.isEmpty() ? Outcome.UNCHANGED : Outcome.APPLIED;
  }

  /** The deviation as it is here now. */
  MedControlSnapshot local(UUID deviationId) {
    return workflow
        .snapshotWithoutPatient(deviationId)
        .orElseThrow(() -> new IllegalStateException("linked deviation is missing"));
  }

  /** What a merge's outcome is recorded as in the inbox. */
  private static InboxOutcome recorded(Outcome merged) {
    return switch (merged) {
      case APPLIED -> InboxOutcome.APPLIED;
      case UNCHANGED -> InboxOutcome.UNCHANGED;
      case CONFLICT -> InboxOutcome.CONFLICT;
      default -> throw new IllegalStateException("a merge does not end " + merged);
    };
  }

  private static boolean isFinished(DeviationStatus status) {
    return status == DeviationStatus.CLOSED || status == DeviationStatus.WITHDRAWN;
  }

  private static String reason(RuntimeException e) {
    if (e instanceof ValidationFailedException v) {
      return "unmappable: "
          + String.join(
              ", ", v.errors().stream().map(err -> err.field() + " " + err.code()).toList());
    }
    return "unmappable: " + e.getMessage();
  }
}
