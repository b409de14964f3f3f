package se.samla.deviation.core.exchange.application;

import java.time.Instant;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.DeviationStatus;

/**
 * Fields that MedControl PRO changed and that the sync decided to apply here. A null field is left
 * as it is; {@code clearHandler} removes the handler.
 */
public record RemoteCaseChange(
    DeviationStatus status,
    PersonRef handler,
    boolean clearHandler,
    ExternalAnswer answer,
    Instant closedAt,
    String receivingUnitHsaId) {

  public boolean isEmpty() {
    return status == null
        && handler == null
        && !clearHandler
        && answer == null
        && closedAt == null
        && receivingUnitHsaId == null;
  }
}
