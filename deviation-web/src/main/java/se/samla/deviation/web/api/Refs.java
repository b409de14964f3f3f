package se.samla.deviation.web.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import se.samla.deviation.core.access.domain.PersonRef;

/** The small shapes the API repeats: a named thing, a person, a time with offset. */
public final class Refs {

  /** Times are shown with the Swedish offset of the moment (DESIGN: Europe/Stockholm). */
  public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  private Refs() {}

  /** {@code {hsaId, name}}. */
  public record Named(String hsaId, String name) {}

  public static Named person(PersonRef person) {
    return person == null ? null : new Named(person.hsaId(), person.name());
  }

  public static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }

  public static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
