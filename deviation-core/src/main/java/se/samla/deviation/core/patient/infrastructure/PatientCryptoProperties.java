package se.samla.deviation.core.patient.infrastructure;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys protecting patient data.
 *
 * <pre>
 * deviation.patient.keys.2025-01=&lt;base64 of 32 random bytes&gt;
 * deviation.patient.keys.2026-01=&lt;base64 of 32 random bytes&gt;
 * deviation.patient.active-key-id=2026-01
 * deviation.patient.pseudonym-key=&lt;base64 of at least 32 random bytes&gt;
 * </pre>
 *
 * <p>To rotate, add a new key, make it active, re-encrypt stored data, then remove the old key. The
 * pseudonym key must stay the same for as long as pseudonyms are compared.
 *
 * <p>All checks are reported as object-level errors that name the property, so that Spring's
 * startup failure report (which prints the rejected value of a field error) never shows key
 * material. {@link #toString()} hides the keys as well.
 *
 * @param keys AES-256 keys for encrypting personal identity numbers, by key id, each base64 of 32
 *     bytes
 * @param activeKeyId the key id that encrypts new data; one of {@code keys}
 * @param pseudonymKey HMAC-SHA256 key for patient pseudonyms, base64 of at least 32 bytes, not one
 *     of {@code keys}
 */
@ConfigurationProperties(prefix = "deviation.patient")
@Validated
@PatientCryptoProperties.ValidKeys
public record PatientCryptoProperties(
    Map<String, String> keys, String activeKeyId, String pseudonymKey) {

  static final String PREFIX = "deviation.patient";
  static final int DATA_KEY_BYTES = 32;
  static final int MIN_PSEUDONYM_KEY_BYTES = 32;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public PatientCryptoProperties {
    keys = keys == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(keys));
  }

  /** The data encryption keys as AES keys, by key id. Call only on validated properties. */
  public Map<String, SecretKey> secretKeys() {
    Map<String, SecretKey> secretKeys = new LinkedHashMap<>();
    keys.forEach(
        (id, encoded) -> {
          byte[] bytes = decode(encoded);
          secretKeys.put(id, new SecretKeySpec(bytes, "AES"));
          Arrays.fill(bytes, (byte) 0);
        });
    return secretKeys;
  }

  /** The decoded pseudonym key; the caller should clear it after use. */
  public byte[] pseudonymKeyBytes() {
    return decode(pseudonymKey);
  }

  private static byte[] decode(String base64) {
    return Base64.getDecoder().decode(base64.strip());
  }

  /** Decoded length, or -1 if missing or not base64. */
  private static int decodedLength(String base64) {
    if (base64 == null || base64.isBlank()) {
      return -1;
    }
    try {
      byte[] bytes = decode(base64);
      Arrays.fill(bytes, (byte) 0);
      return bytes.length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return "PatientCryptoProperties[keyIds="
        + keys.keySet()
        + ", activeKeyId="
        + activeKeyId
        + ", pseudonymKey=******]";
  }

  /** Checks {@link PatientCryptoProperties} as a whole; see there. */
  @Documented
  @Constraint(validatedBy = KeysValidator.class)
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface ValidKeys {
    String message() default "invalid " + PREFIX + " keys";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /**
   * Reports each problem as its own object-level message naming the property. Messages contain only
   * property names, sizes and key ids that match {@link #KEY_ID}, so they are safe both to log and
   * to use as message templates.
   */
  public static final class KeysValidator
      implements ConstraintValidator<ValidKeys, PatientCryptoProperties> {

    @Override
    public boolean isValid(PatientCryptoProperties properties, ConstraintValidatorContext context) {
      if (properties == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (properties.keys().isEmpty()) {
        valid = report(context, PREFIX + ".keys must contain at least one key");
      }
      for (Map.Entry<String, String> entry : properties.keys().entrySet()) {
        String id = entry.getKey();
        if (!KEY_ID.matcher(id).matches()) {
          valid =
              report(
                  context,
                  PREFIX
                      + ".keys has a key id that is not 1 to 64 letters, digits, '.', '_' or '-'");
          continue;
        }
        int length = decodedLength(entry.getValue());
        if (length != DATA_KEY_BYTES) {
          valid =
              report(
                  context,
                  PREFIX
                      + ".keys."
                      + id
                      + " must be base64 of exactly "
                      + DATA_KEY_BYTES
                      + " bytes (was "
                      + describe(length)
                      + ")");
        }
      }
      String activeKeyId = properties.activeKeyId();
      if (activeKeyId == null || activeKeyId.isBlank()) {
        valid = report(context, PREFIX + ".active-key-id must be set");
      } else if (!properties.keys().containsKey(activeKeyId)) {
        valid = report(context, PREFIX + ".active-key-id must name one of " + PREFIX + ".keys");
      }
      int pseudonymKeyLength = decodedLength(properties.pseudonymKey());
      if (pseudonymKeyLength < MIN_PSEUDONYM_KEY_BYTES) {
        valid =
            report(
                context,
                PREFIX
                    + ".pseudonym-key must be base64 of at least "
                    + MIN_PSEUDONYM_KEY_BYTES
                    + " bytes (was "
                    + describe(pseudonymKeyLength)
                    + ")");
      } else if (reusesADataKey(properties)) {
        valid =
            report(
                context,
                PREFIX + ".pseudonym-key must be a separate key, not one of " + PREFIX + ".keys");
      }
      return valid;
    }

    private static boolean reusesADataKey(PatientCryptoProperties properties) {
      byte[] pseudonymKey = properties.pseudonymKeyBytes();
      try {
        return properties.keys().values().stream()
            .filter(encoded -> decodedLength(encoded) > 0)
            .anyMatch(
                encoded -> {
                  byte[] dataKey = decode(encoded);
                  boolean same = MessageDigest.isEqual(dataKey, pseudonymKey);
                  Arrays.fill(dataKey, (byte) 0);
                  return same;
                });
      } finally {
        Arrays.fill(pseudonymKey, (byte) 0);
      }
    }

    private static String describe(int length) {
      return length < 0 ? "missing or not base64" : length + " bytes";
    }

    private static boolean report(ConstraintValidatorContext context, String message) {
      Objects.requireNonNull(message);
      context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
      return false;
    }
  }
}
