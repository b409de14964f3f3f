package se.samla.deviation.core.deviation.domain;

import java.time.Instant;
import se.samla.deviation.core.access.domain.PersonRef;

/**
 * Changes made in MedControl PRO that the sync decided to apply to a deviation here. A null field
 * is left as it is; {@code clearHandler} removes the handler.
 *
 * @param status the new status; any status may be set (MedControl PRO is not bound by our diagram)
 * @param handler the new handler, or null
 * @param clearHandler whether to remove the handler
 * @param answer the answer (återkoppling) given in MedControl PRO, or null
 * @param closedAt when the case was closed there; only together with status CLOSED (or alone, which
 *     then means CLOSED)
 * @param receivingUnitHsaId the HSA-id of the new receiving unit, or null; the application service
 *     resolves it to a unit before the aggregate sees it
 * @param risk the risk set in MedControl PRO, which becomes the receiving side's assessment here,
 *     or null
 */
public record MedControlChange(
    DeviationStatus status,
    PersonRef handler,
    boolean clearHandler,
    MedControlAnswer answer,
    Instant closedAt,
    String receivingUnitHsaId,
    RiskAssessment risk) {

  /** A change that leaves the risk as it is. */
  public MedControlChange(
      DeviationStatus status,
      PersonRef handler,
      boolean clearHandler,
      MedControlAnswer answer,
      Instant closedAt,
      String receivingUnitHsaId) {
    this(status, handler, clearHandler, answer, closedAt, receivingUnitHsaId, null);
  }

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
        && receivingUnitHsaId == null
        && risk == null;
  }
}
