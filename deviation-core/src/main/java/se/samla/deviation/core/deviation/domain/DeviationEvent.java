package se.samla.deviation.core.deviation.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import se.samla.deviation.core.access.domain.PersonRef;

/**
 * One immutable entry of a deviation's timeline: the audit trail and the source of all lead-time
 * statistics. The database refuses updates and deletes of these rows.
 */
@Entity
@Immutable
@Table(name = "deviation_event")
public class DeviationEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deviation_event_seq")
  @SequenceGenerator(
      name = "deviation_event_seq",
      sequenceName = "deviation_event_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "deviation_id")
  private Deviation deviation;

  @Column(name = "sequence_no")
  private int sequenceNo;

  @Enumerated(EnumType.STRING)
  private DeviationEventType type;

  @Column(name = "occurred_at")
  private Instant at;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "hsaId", column = @Column(name = "actor_hsa_id")),
    @AttributeOverride(name = "name", column = @Column(name = "actor_name"))
  })
  private PersonRef actor;

  @Enumerated(EnumType.STRING)
  private Visibility visibility;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, String> details;

  protected DeviationEvent() {}

  DeviationEvent(
      Deviation deviation,
      int sequenceNo,
      DeviationEventType type,
      Instant at,
      PersonRef actor,
      Visibility visibility,
      Map<String, String> details) {
    this.deviation = deviation;
    this.sequenceNo = sequenceNo;
    this.type = type;
    this.at = at;
    this.actor = actor;
    this.visibility = visibility;
    this.details = Map.copyOf(details);
  }

  public int sequenceNo() {
    return sequenceNo;
  }

  public DeviationEventType type() {
    return type;
  }

  public Instant at() {
    return at;
  }

  public PersonRef actor() {
    return actor;
  }

  public Visibility visibility() {
    return visibility;
  }

  public Map<String, String> details() {
    return details;
  }
}
