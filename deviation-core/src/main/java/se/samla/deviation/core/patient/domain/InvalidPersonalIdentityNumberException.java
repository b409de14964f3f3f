package se.samla.deviation.core.patient.domain;

/**
 * A personnummer or samordningsnummer that could not be accepted.
 *
 * <p>The message names only the rule that failed, never the input: it ends up in logs and error
 * responses, where patient data must not appear.
 */
public final class InvalidPersonalIdentityNumberException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Which rule the input broke. */
  public enum Reason {
    /** Not 10 or 12 digits with an optional {@code -} or {@code +} separator. */
    FORMAT,
    /** The last digit does not match the Luhn check digit of the preceding nine. */
    CHECK_DIGIT,
    /** Not a real calendar date, or a birth date in the future. */
    DATE
  }

  private final Reason reason;

  InvalidPersonalIdentityNumberException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
