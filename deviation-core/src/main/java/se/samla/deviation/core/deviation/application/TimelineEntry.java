package se.samla.deviation.core.deviation.application;

import java.time.Instant;
import java.util.Map;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.DeviationEventType;
import se.samla.deviation.core.deviation.domain.Visibility;

/** One entry of a deviation's timeline. */
public record TimelineEntry(
    int sequenceNo,
    DeviationEventType type,
    Instant at,
    PersonRef by,
    Visibility visibility,
    Map<String, String> details) {}
