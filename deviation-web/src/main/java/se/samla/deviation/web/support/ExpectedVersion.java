package se.samla.deviation.web.support;

import se.samla.deviation.core.common.application.VersionConflictException;

/**
 * The version of a deviation a command expects, or none. The API reads it from the {@code If-Match:
 * "<version>"} header (a controller method simply declares an {@code ExpectedVersion} parameter,
 * see {@link ExpectedVersionArgumentResolver}); a page reads the same text from the hidden field of
 * its form with {@link #parse(String)}.
 *
 * @param value the expected version, or null when the caller named none
 */
public record ExpectedVersion(Long value) {

  private static final ExpectedVersion NONE = new ExpectedVersion(null);

  /**
   * Reads {@code 7}, {@code "7"} or {@code W/"7"}; null or blank is no expectation. An unreadable
   * value is a stale expectation (412), never a silent "any version".
   */
  public static ExpectedVersion parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    String value = text.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return new ExpectedVersion(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new VersionConflictException("the expected version is not a number", true, null);
    }
  }

  /** The entity tag of a version, as the API sends it in {@code ETag}. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }
}
