package se.samla.deviation.web.api;

import se.samla.deviation.core.common.application.VersionConflictException;

/** Reads the {@code If-Match: "<version>"} header into the version a command expects. */
public final class IfMatch {

  private IfMatch() {}

  /** The expected version, or null when the header is absent; an unreadable one fails (412). */
  public static Long expectedVersion(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new VersionConflictException("If-Match does not name a version", true, null);
    }
  }

  /** The entity tag of a version. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }
}
