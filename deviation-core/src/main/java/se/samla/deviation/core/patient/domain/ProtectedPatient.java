package se.samla.deviation.core.patient.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A patient reference as stored: the encrypted personal identity number and its pseudonym. Holds
 * nothing readable without the keys, and {@link #toString()} shows only the start of the pseudonym.
 *
 * @param ciphertext as written by {@link PatientDataCipher#encrypt}; copied in and out
 * @param pseudonym as derived by {@link PatientPseudonymizer}: 64 lowercase hex characters
 */
public record ProtectedPatient(byte[] ciphertext, String pseudonym) {

  private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

  public ProtectedPatient {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(pseudonym, "pseudonym");
    if (ciphertext.length == 0) {
      throw new IllegalArgumentException("ciphertext must not be empty");
    }
    if (!PSEUDONYM.matcher(pseudonym).matches()) {
      throw new IllegalArgumentException("pseudonym must be 64 lowercase hex characters");
    }
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || (other instanceof ProtectedPatient that
            && Arrays.equals(ciphertext, that.ciphertext)
            && pseudonym.equals(that.pseudonym));
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ciphertext) + pseudonym.hashCode();
  }

  @Override
  public String toString() {
    return "ProtectedPatient[pseudonym=" + pseudonym.substring(0, 8) + "…]";
  }
}
