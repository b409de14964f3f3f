package se.samla.deviation.core.deviation.application;

import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import se.samla.deviation.core.common.application.VersionConflictException;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.infrastructure.Deviations;

/**
 * The one way a command ends: write the deviation now (so that a concurrent change surfaces as a
 * conflict inside the command, not at commit), then publish its {@code DeviationChanged} events in
 * the same transaction. Every service that changes deviations ends with {@link #added} or {@link
 * #changed}; it must run inside the caller's transaction.
 */
@Component
public class DeviationCommit {

  /** SQLSTATE unique_violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /** The timeline's unique (deviation, sequence number) key. */
  static final String TIMELINE_SEQUENCE = "deviation_event_sequence_unique";

  /** At most one deviation per MedControl PRO case. */
  public static final String ONE_DEVIATION_PER_MEDCONTROL_CASE = "deviation_medcontrol_case_unique";

  private final Deviations deviations;
  private final ApplicationEventPublisher events;

  DeviationCommit(Deviations deviations, ApplicationEventPublisher events) {
    this.deviations = deviations;
    this.events = events;
  }

  /**
   * Stores a new deviation and publishes its events.
   *
   * @throws DataIntegrityViolationException when a unique key refuses it; {@link #violates} tells
   *     which
   */
  public void added(Deviation deviation) {
    deviations.persist(deviation);
    deviations.flush();
    publish(deviation);
  }

  /**
   * Writes a changed deviation and publishes its events.
   *
   * @throws VersionConflictException when someone else changed the deviation first: its version
   *     moved, or (as Hibernate inserts the new timeline rows before it updates the version) the
   *     racing change took the same timeline sequence number
   */
  public void changed(Deviation deviation) {
    try {
      deviations.flush();
    } catch (OptimisticLockingFailureException e) {
      throw conflict(e);
    } catch (DataIntegrityViolationException e) {
      if (violates(e, TIMELINE_SEQUENCE)) {
        throw conflict(e);
      }
      throw e;
    }
    publish(deviation);
  }

  /**
   * Whether the failure is a unique-key violation of the named constraint, judged by SQLSTATE and
   * the constraint name PostgreSQL reports, never by the message text.
   */
  public static boolean violates(DataIntegrityViolationException e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConstraintViolationException cve) {
        return UNIQUE_VIOLATION.equals(cve.getSQLState())
            && cve.getConstraintName() != null
            && cve.getConstraintName().toLowerCase(Locale.ROOT).equals(constraint);
      }
    }
    return false;
  }

  private static VersionConflictException conflict(RuntimeException cause) {
    return new VersionConflictException("someone else changed the deviation first", false, cause);
  }

  private void publish(Deviation deviation) {
    deviation.pullDomainEvents().forEach(events::publishEvent);
  }
}
