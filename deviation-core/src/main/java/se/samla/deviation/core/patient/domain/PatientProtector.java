package se.samla.deviation.core.patient.domain;

import java.util.Objects;

/** Turns a personal identity number into its stored form and back. Thread-safe. */
public final class PatientProtector {

  private final PatientDataCipher cipher;
  private final PatientPseudonymizer pseudonymizer;

  public PatientProtector(PatientDataCipher cipher, PatientPseudonymizer pseudonymizer) {
    this.cipher = Objects.requireNonNull(cipher, "cipher");
    this.pseudonymizer = Objects.requireNonNull(pseudonymizer, "pseudonymizer");
  }

  /** Encrypts {@code pin} with the active key and derives its pseudonym. */
  public ProtectedPatient protect(PersonalIdentityNumber pin) {
    return new ProtectedPatient(cipher.encrypt(pin), pseudonymizer.pseudonymize(pin));
  }

  /**
   * Decrypts the stored number. Callers must write the PDL access log entry for this read.
   *
   * @throws PatientDataCryptoException if the data cannot be decrypted with the key ring
   */
  public PersonalIdentityNumber reveal(ProtectedPatient patient) {
    Objects.requireNonNull(patient, "patient");
    return cipher.decrypt(patient.ciphertext());
  }

  /**
   * The pseudonym {@code pin} would be stored under, for finding earlier deviations about the same
   * patient without decrypting anything.
   */
  public String pseudonymOf(PersonalIdentityNumber pin) {
    return pseudonymizer.pseudonymize(pin);
  }
}
