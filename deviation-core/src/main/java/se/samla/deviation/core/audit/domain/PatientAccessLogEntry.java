package se.samla.deviation.core.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One read of patient data (PDL, HSLF-FS 2016:40): who, acting for which unit, which deviation,
 * which patient (by pseudonym, never the number), when, and what. Append-only in the database.
 */
@Entity
@Immutable
@Table(name = "patient_access_log")
public class PatientAccessLogEntry {

  /** What was done with the patient data. */
  public enum Action {
    READ_DEVIATION,
    /** The number was decrypted to send the deviation to MedControl PRO. */
    TRANSFER_MEDCONTROL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Instant accessedAt;

  private String actorHsaId;

  private String actorName;

  private String actingUnitHsaId;

  private UUID deviationId;

  private String patientPseudonym;

  @Column(name = "action")
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Action action;

  /** Whether the number was shown in full (true) or masked (false). */
  private boolean revealed;

  protected PatientAccessLogEntry() {}

  public PatientAccessLogEntry(
      Instant accessedAt,
      String actorHsaId,
      String actorName,
      String actingUnitHsaId,
      UUID deviationId,
      String patientPseudonym,
      Action action,
      boolean revealed) {
    this.accessedAt = accessedAt;
    this.actorHsaId = actorHsaId;
    this.actorName = actorName;
    this.actingUnitHsaId = actingUnitHsaId;
    this.deviationId = deviationId;
    this.patientPseudonym = patientPseudonym;
    this.action = action;
    this.revealed = revealed;
  }

  public Instant accessedAt() {
    return accessedAt;
  }

  public String actorHsaId() {
    return actorHsaId;
  }

  public String actingUnitHsaId() {
    return actingUnitHsaId;
  }

  public UUID deviationId() {
    return deviationId;
  }

  public String patientPseudonym() {
    return patientPseudonym;
  }

  public Action action() {
    return action;
  }

  public boolean revealed() {
    return revealed;
  }
}
