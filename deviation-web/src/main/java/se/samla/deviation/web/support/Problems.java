package se.samla.deviation.web.support;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem types and their fixed texts, for the API's answers and for every error a
 * non-browser client meets outside a controller (see {@link WebErrorController}). Details never
 * carry submitted values: no personnummer, no SQL, no stack trace.
 */
public final class Problems {

  private static final String BASE = "https://avvikelser.samla.se/problems/";

  private static final Map<Integer, String[]> TYPES =
      Map.ofEntries(
          Map.entry(400, new String[] {"bad-request", "The request could not be read."}),
          Map.entry(401, new String[] {"unauthorized", "Authentication is required."}),
          Map.entry(403, new String[] {"forbidden", "You are not permitted to do this."}),
          Map.entry(404, new String[] {"not-found", "The resource was not found."}),
          Map.entry(405, new String[] {"method-not-allowed", "The method is not allowed here."}),
          Map.entry(
              406, new String[] {"not-acceptable", "The requested media type is not offered."}),
          Map.entry(
              409,
              new String[] {
                "conflict", "The request conflicts with the current state of the resource."
              }),
          Map.entry(
              412,
              new String[] {
                "precondition-failed", "The resource has changed since the version you named."
              }),
          Map.entry(413, new String[] {"payload-too-large", "The request body is too large."}),
          Map.entry(
              415, new String[] {"unsupported-media-type", "The media type is not supported."}),
          Map.entry(422, new String[] {"validation-failed", "Some fields are invalid."}),
          Map.entry(500, new String[] {"internal-error", "An unexpected error occurred."}),
          Map.entry(
              503, new String[] {"service-unavailable", "The service is not available now."}));

  private Problems() {}

  /** A problem with the status's fixed type, title and detail. */
  public static ProblemDetail problem(HttpStatus status) {
    String[] type =
        TYPES.getOrDefault(status.value(), new String[] {"error", status.getReasonPhrase()});
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, type[1]);
    problem.setType(URI.create(BASE + type[0]));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
