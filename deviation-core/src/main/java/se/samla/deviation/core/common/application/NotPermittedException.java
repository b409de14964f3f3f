package se.samla.deviation.core.common.application;

/** The actor sees the thing but may not do this with it. */
public class NotPermittedException extends RuntimeException {

  public NotPermittedException(String message) {
    super(message);
  }
}
