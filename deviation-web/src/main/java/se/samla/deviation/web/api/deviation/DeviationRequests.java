package se.samla.deviation.web.api.deviation;

import java.time.OffsetDateTime;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.Visibility;

/** The JSON bodies of the deviation calls (contract: deviation-api.md). Validation is core's. */
final class DeviationRequests {

  private DeviationRequests() {}

  record RegisterRequest(
      OffsetDateTime occurredAt,
      OffsetDateTime discoveredAt,
      String reportingUnitHsaId,
      String receivingUnitHsaId,
      String categoryCode,
      String description,
      String immediateActions,
      Consequence consequence,
      Probability probability,
      String agreementReference,
      PatientRequest patient,
      boolean possibleLexMaria,
      boolean possibleLexSarah) {

    @Override
    public String toString() {
      return "RegisterRequest[receivingUnit=" + receivingUnitHsaId + "]";
    }
  }

  record PatientRequest(String personalIdentityNumber) {
    @Override
    public String toString() {
      return "PatientRequest[***]";
    }
  }

  record AssignmentRequest(String handlerHsaId) {}

  record ForwardingRequest(String receivingUnitHsaId, String reason) {}

  record ReasonRequest(String reason) {}

  record InformationRequestRequest(String question) {}

  record InformationRequest(String answer) {}

  record AnswerRequest(String investigation, String causes, String measures) {}

  record ResubmissionRequest(String receivingUnitHsaId, String comment) {}

  record CommentRequest(String text, Visibility visibility) {}

  record RiskAssessmentRequest(Consequence consequence, Probability probability, String reason) {}
}
