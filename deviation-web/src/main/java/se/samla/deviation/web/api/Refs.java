package se.samla.deviation.web.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import se.samla.deviation.core.access.domain.PersonRef;

/** The small shapes the API repeats: a named thing, a person, a time with offset. */
public final class Refs {

  private Refs() {}

  /** {@code {hsaId, name}}. */
  public record Named(String hsaId, String name) {}

  public static Named person(PersonRef person) {
    return person == null ? null : new Named(person.hsaId(), person.name());
  }

  /**
   * The moment as a time with offset. The offset in the JSON is the service zone's, whatever this
   * one is: {@link ApiTimeZoneConfiguration} makes Jackson write every time in that zone.
   */
  public static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
