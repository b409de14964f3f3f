package se.samla.deviation.core.common.application;

/**
 * The thing does not exist, or the actor may not know that it exists: both look the same so that no
 * one learns of another organisation's deviations.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
