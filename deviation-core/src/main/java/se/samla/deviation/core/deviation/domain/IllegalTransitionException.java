package se.samla.deviation.core.deviation.domain;

/** A workflow step that the deviation's current status does not allow. */
public class IllegalTransitionException extends RuntimeException {

  private final DeviationStatus status;
  private final DeviationAction action;

  public IllegalTransitionException(DeviationStatus status, DeviationAction action) {
    super("%s is not allowed when the deviation is %s".formatted(action, status));
    this.status = status;
    this.action = action;
  }

  /**
   * A change that is not a person's action (one made in MedControl PRO, for instance) that the
   * status does not allow; {@link #action()} is then null.
   */
  public IllegalTransitionException(DeviationStatus status, String change) {
    super("%s is not allowed when the deviation is %s".formatted(change, status));
    this.status = status;
    this.action = null;
  }

  public DeviationStatus status() {
    return status;
  }

  /** The refused action, or null when the refused change was not a person's action. */
  public DeviationAction action() {
    return action;
  }
}
