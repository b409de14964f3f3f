package se.samla.deviation.core.patient.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a stable pseudonym for a patient: HMAC-SHA256 over the normalized number with a key of
 * its own, as 64 lowercase hex characters. The same number always gets the same pseudonym (so
 * repeat patients can be counted and access logged), and without the key the pseudonym cannot be
 * traced back by trying all numbers.
 *
 * <p>Changing the key changes every pseudonym. Thread-safe.
 */
public final class PatientPseudonymizer {

  static final int MIN_KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * @param key at least 32 bytes, not shared with the encryption keys; copied
   */
  public PatientPseudonymizer(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "The patient pseudonym key must be at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** The pseudonym of {@code pin}: 64 lowercase hex characters. */
  public String pseudonymize(PersonalIdentityNumber pin) {
    Objects.requireNonNull(pin, "pin");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal(pin.normalized().getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  @Override
  public String toString() {
    return "PatientPseudonymizer[" + ALGORITHM + "]";
  }
}
