package se.samla.deviation.medcontrol.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.medcontrol.application.MedControlSnapshot;
import se.samla.deviation.core.medcontrol.application.MedControlWorkflow;
import se.samla.deviation.medcontrol.client.CaseCreate;
import se.samla.deviation.medcontrol.client.MedControlClient;
import se.samla.deviation.medcontrol.client.RemoteCallException;
import se.samla.deviation.medcontrol.client.RemoteCase;

/**
 * Sends one claimed deviation to MedControl PRO as it is now. No database transaction is open while
 * a remote call runs: the deviation is read in its own short transaction, the call is made, and
 * what the remote answered is written in another. Remote failures propagate as {@link
 * RemoteCallException} for the route's error handling to classify.
 */
class OutboundSync {

  /** How often one push re-reads and merges after 412 before leaving it to the next attempt. */
  private static final int PRECONDITION_ROUNDS = 2;

  private final Links links;
  private final Inbox inbox;
  private final Conflicts conflicts;
  private final MedControlWorkflow workflow;
  private final MedControlClient client;
  private final InboundSync inbound;
  private final TransactionTemplate tx;
  private final Clock clock;

  OutboundSync(
      Links links,
      Inbox inbox,
      Conflicts conflicts,
      MedControlWorkflow workflow,
      MedControlClient client,
      InboundSync inbound,
      TransactionTemplate tx,
      Clock clock) {
    this.links = links;
    this.inbox = inbox;
    this.conflicts = conflicts;
    this.workflow = workflow;
    this.client = client;
    this.inbound = inbound;
    this.tx = tx;
    this.clock = clock;
  }

  /** What a push did, for the metrics. */
  enum Result {
    CREATED,
    UPDATED,
    NOTHING_TO_SEND
  }

  Result push(OutboxClaim claim) {
    Optional<Link> link = links.find(claim.deviationId());
    if (link.isPresent()) {
      return update(claim, link.get());
    }
    // Only a create carries the patient: the number is decrypted (and the access logged) for it.
    MedControlSnapshot deviation =
        workflow
            .snapshot(claim.deviationId())
            .orElseThrow(() -> new IllegalStateException("deviation in the outbox is missing"));
    update(claim, createOrFind(claim, deviation));
    return Result.CREATED;
  }

  /**
   * Creates the remote case. After any earlier attempt the outcome of that attempt is unknown (a
   * timeout or reset may have hidden a success), so the source reference is looked up first and a
   * found case is linked instead of created again. The key is derived from the deviation and
   * version sent, so a resend of the same content is recognized by MedControl PRO.
   */
  private Link createOrFind(OutboxClaim claim, MedControlSnapshot deviation) {
    RemoteCase remote = null;
    if (claim.attempts() > 0) {
      remote = client.findBySourceReference(deviation.deviationId()).orElse(null);
    }
    Map<SharedField, String> base;
    if (remote == null) {
      CaseCreate body = CaseMapping.toCreate(deviation);
      remote =
          client
              .create(
                  body,
                  CaseMapping.key(
                      "create",
                      deviation.deviationId().toString(),
                      String.valueOf(deviation.version())))
              .remoteCase();
      base =
          CaseMapping.createdBase(
              body.receivingUnitHsaId(), body.consequence(), body.probability());
    } else {
      // The risk the create carried: the reporter's estimate, which never changes.
      base =
          CaseMapping.createdBase(
              remote.receivingUnitHsaId(), deviation.consequence(), deviation.probability());
    }
    RemoteCase confirmed = requireIdentity(remote);
    Map<SharedField, String> linkedBase = base;
    return tx.execute(
        status -> {
          Instant now = clock.instant();
          workflow.linkMedControlCase(deviation.deviationId(), confirmed.id());
          links.insert(deviation.deviationId(), confirmed.id(), 0, linkedBase, now);
          Link link = links.lock(deviation.deviationId()).orElseThrow();
          if (confirmed.version() == 1) {
            // Our own write: its echo in the change feed is skipped by this key.
            inbox.recordOwnWrite(confirmed.id(), 1, deviation.deviationId(), now);
          }
          inbound.merge(link, confirmed, now);
          return links.find(deviation.deviationId()).orElseThrow();
        });
  }

  /**
   * Sends the shared fields we changed since the base, naming the remote version we merged last
   * (If-Match). A 412 means MedControl PRO moved on: read the case, merge it, and try again.
   */
  private Result update(OutboxClaim claim, Link initial) {
    Link link = initial;
    for (int round = 1; ; round++) {
      MedControlSnapshot deviation =
          workflow.snapshotWithoutPatient(claim.deviationId()).orElseThrow();
      Set<SharedField> blocked = conflicts.openFields(claim.deviationId());
      Map<SharedField, String> local = CaseMapping.shared(deviation);
      Set<SharedField> changed = ThreeWayMerge.outbound(local, link.base(), blocked);
      if (changed.isEmpty()) {
        return Result.NOTHING_TO_SEND;
      }
      try {
        RemoteCase answer =
            requireIdentity(
                client.update(
                    link.caseId(),
                    link.remoteVersion(),
                    CaseMapping.key(
                        "update",
                        deviation.deviationId().toString(),
                        String.valueOf(deviation.version()),
                        String.valueOf(link.remoteVersion())),
                    CaseMapping.toUpdate(changed, deviation)));
        recordSent(deviation, link, changed, local, answer);
        return Result.UPDATED;
      } catch (RemoteCallException e) {
        if (e.kind() != RemoteCallException.Kind.PRECONDITION_FAILED
            || round >= PRECONDITION_ROUNDS) {
          throw e;
        }
        RemoteCase current = requireIdentity(client.get(link.caseId()));
        link =
            tx.execute(
                status -> {
                  Link locked = links.lock(claim.deviationId()).orElseThrow();
                  inbound.merge(locked, current, clock.instant());
                  return links.find(claim.deviationId()).orElseThrow();
                });
      }
    }
  }

  private void recordSent(
      MedControlSnapshot deviation,
      Link sentWith,
      Set<SharedField> changed,
      Map<SharedField, String> local,
      RemoteCase answer) {
    tx.executeWithoutResult(
        status -> {
          Instant now = clock.instant();
          Link link = links.lock(deviation.deviationId()).orElseThrow();
          Map<SharedField, String> base = new EnumMap<>(SharedField.class);
          base.putAll(link.base());
          for (SharedField f : changed) {
            base.put(f, local.get(f));
          }
          inbox.recordOwnWrite(answer.id(), answer.version(), deviation.deviationId(), now);
          links.update(
              deviation.deviationId(), sentWith.remoteVersion(), base, deviation.version(), now);
          // The answer may also carry changes made in MedControl PRO in between: merge them.
          inbound.merge(links.lock(deviation.deviationId()).orElseThrow(), answer, now);
        });
  }

  private static RemoteCase requireIdentity(RemoteCase remote) {
    if (remote.id() == null || remote.version() == null || remote.status() == null) {
      throw new RemoteCallException(
          RemoteCallException.Kind.TRANSIENT,
          "case without id, version or status",
          null,
          null,
          null);
    }
    return remote;
  }
}
