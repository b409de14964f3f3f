package se.samla.deviation.core.patient.domain;

/**
 * Stored patient data could not be encrypted or decrypted. The message names the cause (unknown key
 * id, failed authentication, unsupported format), never the data.
 */
public final class PatientDataCryptoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PatientDataCryptoException(String message) {
    super(message);
  }

  PatientDataCryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
