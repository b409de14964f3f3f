package se.samla.deviation.core.patient.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts personal identity numbers for storage with AES-256-GCM, using a key ring so that keys
 * can be rotated: new data is always encrypted with the active key, old data stays readable as long
 * as its key is in the ring, and {@link #reencrypt(byte[])} moves it to the active key.
 *
 * <p>Encrypted data is self-describing:
 *
 * <pre>
 * [format version = 1][key id length][key id, UTF-8][12-byte IV][ciphertext + 16-byte tag]
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class PatientDataCipher {

  static final byte FORMAT_VERSION = 1;

  /** Key ids are stored in every record and named in configuration and messages. */
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] AAD = "samla:patient:v1".getBytes(StandardCharsets.US_ASCII);

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param keys every key that may have encrypted stored data, by key id; each a 256-bit AES key
   * @param activeKeyId the id of the key that encrypts new data
   * @throws IllegalArgumentException if a key id is malformed, a key is not 256 bits, or the active
   *     key is not in the ring
   */
  public PatientDataCipher(Map<String, SecretKey> keys, String activeKeyId) {
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("The patient data key ring is empty");
    }
    keys.forEach(PatientDataCipher::checkKey);
    if (activeKeyId == null || !keys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "The active patient data key id is not one of the configured key ids");
    }
    this.keys = Map.copyOf(keys);
    this.activeKeyId = activeKeyId;
  }

  private static void checkKey(String keyId, SecretKey key) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "Patient data key ids must match " + KEY_ID.pattern() + " (offending id not shown)");
    }
    byte[] encoded = key == null ? null : key.getEncoded();
    try {
      if (encoded == null || encoded.length != KEY_BYTES || !"AES".equals(key.getAlgorithm())) {
        throw new IllegalArgumentException(
            "Patient data key '" + keyId + "' must be a 256-bit (32-byte) AES key");
      }
    } finally {
      if (encoded != null) {
        Arrays.fill(encoded, (byte) 0);
      }
    }
  }

  /** The id of the key that encrypts new data. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /** Encrypts the normalized 12 digits with the active key and a fresh random IV. */
  public byte[] encrypt(PersonalIdentityNumber pin) {
    Objects.requireNonNull(pin, "pin");
    byte[] keyId = activeKeyId.getBytes(StandardCharsets.UTF_8);
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] plaintext = pin.normalized().getBytes(StandardCharsets.US_ASCII);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(AAD);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(2 + keyId.length + IV_BYTES + sealed.length)
          .put(FORMAT_VERSION)
          .put((byte) keyId.length)
          .put(keyId)
          .put(iv)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new PatientDataCryptoException(
          "Patient data could not be encrypted with key '" + activeKeyId + "'", e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * Decrypts data written by {@link #encrypt}, with the key named in the data.
   *
   * @throws PatientDataCryptoException if the format is not recognised, the key id is not in the
   *     ring, or the data does not authenticate (tampered, or a different key under the same id)
   */
  public PersonalIdentityNumber decrypt(byte[] data) {
    Envelope envelope = Envelope.read(data);
    SecretKey key = keys.get(envelope.keyId());
    if (key == null) {
      throw new PatientDataCryptoException(
          "Patient data is encrypted with key '"
              + envelope.keyId()
              + "', which is not in the configured key ring");
    }
    byte[] plaintext = null;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, data, envelope.ivOffset(), IV_BYTES));
      cipher.updateAAD(AAD);
      int sealedOffset = envelope.ivOffset() + IV_BYTES;
      plaintext = cipher.doFinal(data, sealedOffset, data.length - sealedOffset);
      return PersonalIdentityNumber.ofNormalized(new String(plaintext, StandardCharsets.US_ASCII));
    } catch (AEADBadTagException e) {
      throw new PatientDataCryptoException(
          "Patient data encrypted with key '"
              + envelope.keyId()
              + "' failed authentication: tampered, truncated or a different key under that id");
    } catch (GeneralSecurityException e) {
      throw new PatientDataCryptoException(
          "Patient data could not be decrypted with key '" + envelope.keyId() + "'", e);
    } catch (InvalidPersonalIdentityNumberException e) {
      // Its message never contains the number, so it is safe to keep as the cause.
      throw new PatientDataCryptoException(
          "Decrypted patient data is not a valid personal identity number", e);
    } finally {
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  /** The id of the key that encrypted {@code data}, read without decrypting. */
  public String keyIdOf(byte[] data) {
    return Envelope.read(data).keyId();
  }

  /** Whether {@code data} is encrypted with the active key, i.e. needs no re-encryption. */
  public boolean isEncryptedWithActiveKey(byte[] data) {
    return activeKeyId.equals(keyIdOf(data));
  }

  /**
   * Decrypts {@code data} with its own key and encrypts it again with the active key and a fresh
   * IV. Use {@link #isEncryptedWithActiveKey} to skip data that is already current.
   */
  public byte[] reencrypt(byte[] data) {
    return encrypt(decrypt(data));
  }

  @Override
  public String toString() {
    return "PatientDataCipher[keyIds=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
  }

  /** The header of stored data: which key, and where the IV starts. */
  private record Envelope(String keyId, int ivOffset) {

    private static final int MIN_SEALED_BYTES = TAG_BITS / 8;

    static Envelope read(byte[] data) {
      Objects.requireNonNull(data, "data");
      if (data.length < 2) {
        throw new PatientDataCryptoException("Encrypted patient data is truncated");
      }
      if (data[0] != FORMAT_VERSION) {
        throw new PatientDataCryptoException(
            "Encrypted patient data has unsupported format version " + data[0]);
      }
      int keyIdLength = Byte.toUnsignedInt(data[1]);
      int ivOffset = 2 + keyIdLength;
      if (keyIdLength == 0 || data.length < ivOffset + IV_BYTES + MIN_SEALED_BYTES) {
        throw new PatientDataCryptoException("Encrypted patient data is truncated");
      }
      String keyId = new String(data, 2, keyIdLength, StandardCharsets.UTF_8);
      if (!KEY_ID.matcher(keyId).matches()) {
        throw new PatientDataCryptoException("Encrypted patient data has a malformed key id");
      }
      return new Envelope(keyId, ivOffset);
    }
  }
}
