package se.samla.deviation.medcontrol.sync;

import java.time.Clock;
import java.util.Set;
import org.springframework.context.event.EventListener;
import se.samla.deviation.core.deviation.domain.DeviationChanged;
import se.samla.deviation.core.deviation.domain.DeviationEventType;

/**
 * Writes the outbox row in the same transaction as the change (DeviationChanged is published inside
 * the command's transaction): if the change commits, so does the row; if it rolls back, so does the
 * row. Changes that came from MedControl PRO are not sent back.
 */
class OutboxWriter {

  private static final Set<DeviationEventType> FROM_MEDCONTROL =
      Set.of(DeviationEventType.IMPORTED_FROM_MEDCONTROL, DeviationEventType.UPDATED_IN_MEDCONTROL);

  private final Outbox outbox;
  private final Clock clock;

  OutboxWriter(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @EventListener
  void on(DeviationChanged change) {
    if (!FROM_MEDCONTROL.contains(change.type())) {
      outbox.enqueue(change.deviationId(), clock.instant());
    }
  }
}
