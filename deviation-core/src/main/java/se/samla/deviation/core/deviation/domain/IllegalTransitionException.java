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

  public DeviationStatus status() {
    return status;
  }

  public DeviationAction action() {
    return action;
  }
}
