package se.samla.deviation.core.deviation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import se.samla.deviation.core.access.domain.PersonRef;

/** The receiving side's answer (återkoppling): what it found, why, and what it changed. */
@Embeddable
public record Answer(
    @Column(name = "answer_investigation") String investigation,
    @Column(name = "answer_causes") String causes,
    @Column(name = "answer_measures") String measures,
    @Column(name = "answered_at") Instant answeredAt,
    @Column(name = "answered_by_hsa_id") String answeredByHsaId,
    @Column(name = "answered_by_name") String answeredByName) {

  public PersonRef answeredBy() {
    return new PersonRef(answeredByHsaId, answeredByName);
  }
}
