package se.samla.deviation.medcontrol.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A case as MedControl PRO returns it (contract schema {@code Case}). {@code toString} leaves the
 * patient's number and free texts out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteCase(
    String id,
    Long version,
    String status,
    Instant modifiedAt,
    Instant createdAt,
    String sourceSystem,
    String sourceReference,
    String caseNumber,
    Instant occurredAt,
    Instant reportedAt,
    String reportingUnitHsaId,
    String receivingUnitHsaId,
    String category,
    String description,
    String immediateActions,
    Integer consequence,
    Integer probability,
    String patientIdentityNumber,
    Person reporter,
    Person handler,
    Answer answer,
    Instant closedAt) {

  /** A person on the remote side. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Person(String hsaId, String name) {}

  /** The remote answer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Answer(String investigation, String causes, String measures, Instant answeredAt) {}

  @Override
  public String toString() {
    return "RemoteCase[id=%s, version=%s, status=%s, sourceReference=%s]"
        .formatted(id, version, status, sourceReference);
  }
}
