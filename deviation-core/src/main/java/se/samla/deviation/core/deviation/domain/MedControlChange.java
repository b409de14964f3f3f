package se.samla.deviation.core.deviation.domain;

import java.time.Instant;
import se.samla.deviation.core.access.domain.PersonRef;

/**
 * Changes made in MedControl PRO, to be applied to a deviation here. A null field is left as it is;
 * {@code clearHandler} removes the handler.
 *
 * @param status the new status; any status may be set (MedControl PRO is not bound by our diagram)
 * @param handler the new handler, or null
 * @param clearHandler whether to remove the handler
 * @param answer the answer (återkoppling) given in MedControl PRO, or null
 * @param closedAt when the case was closed there; only together with status CLOSED (or alone, which
 *     then means CLOSED)
 * @param receivingUnit the new receiving unit, or null
 */
public record MedControlChange(
    DeviationStatus status,
    PersonRef handler,
    boolean clearHandler,
    RemoteAnswer answer,
    Instant closedAt,
    UnitRef receivingUnit) {

  public MedControlChange {
    if (handler != null && clearHandler) {
      throw new IllegalArgumentException("a change cannot both set and clear the handler");
    }
  }

  public boolean isEmpty() {
    return status == null
        && handler == null
        && !clearHandler
        && answer == null
        && closedAt == null
        && receivingUnit == null;
  }

  /** An answer as MedControl PRO gives it; {@code answeredAt} null means "when applied". */
  public record RemoteAnswer(
      String investigation, String causes, String measures, Instant answeredAt) {}
}
