package se.samla.deviation.core.access.domain;

import java.util.regex.Pattern;

/**
 * HSA-id format: a country code (SE), an organisation number of 10 digits, a hyphen, and a local
 * part of letters and digits (for example {@code SE2321000131-E000000000101}).
 */
public final class HsaId {

  private static final Pattern FORMAT = Pattern.compile("SE\\d{10}-[A-Za-z0-9]{1,31}");

  private HsaId() {}

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }
}
