package se.samla.deviation.core.exchange.application;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the MedControl PRO integration may do with deviations, as the system rather than as a
 * person: read a deviation for sending, link it to its remote case, import a case registered in
 * MedControl PRO, and apply changes made there. Each method joins the caller's transaction or
 * opens one. Domain rules stay in the aggregate.
 */
@Service
public class ExternalCaseExchange {

  /**
   * The deviation as it is now, with the patient's number decrypted for the transfer (the read is
   * written to the PDL access log as the system actor MedControl PRO). Empty if it does not exist.
   */
  @Transactional
  public Optional<ExternalCaseSnapshot> snapshot(UUID deviationId) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Records the remote case id; does not change the deviation's version (no conflict with people
   * editing it). Idempotent for the same id; refuses to replace a different id.
   */
  @Transactional
  public void linkMedControlCase(UUID deviationId, String medControlCaseId) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The deviation linked to that remote case, if any. */
  @Transactional(readOnly = true)
  public Optional<UUID> deviationFor(String medControlCaseId) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Creates a deviation (origin MEDCONTROL, already linked) from a case registered in MedControl
   * PRO. Idempotent: a second call for the same remote case returns the existing one.
   *
   * @throws se.samla.deviation.core.common.application.ValidationFailedException when a value
   *     cannot be mapped (unknown unit or category, missing risk, invalid personnummer); the
   *     field errors name what, never the value
   */
  @Transactional
  public ExternalCaseSnapshot registerFromMedControl(RemoteCaseRegistration registration) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Applies changes made in MedControl PRO, appending one timeline event by MedControl PRO and
   * publishing DeviationChanged like any command.
   *
   * @throws se.samla.deviation.core.common.application.VersionConflictException when the
   *     deviation is no longer at {@code expectedVersion}
   * @throws se.samla.deviation.core.deviation.domain.IllegalTransitionException when the change
   *     is not possible from the current status (a closed or withdrawn deviation)
   */
  @Transactional
  public ExternalCaseSnapshot applyFromMedControl(
      UUID deviationId, long expectedVersion, RemoteCaseChange change) {
    throw new UnsupportedOperationException("TODO");
  }
}
