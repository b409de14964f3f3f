package se.samla.deviation.core.deviation.application;

import java.time.Instant;
import java.util.Set;
import se.samla.deviation.core.deviation.domain.DeviationStatus;

/**
 * A list request: which view, optional filters, sorting and paging. Filters narrow the view; they
 * never widen what the actor may see.
 *
 * @param unitHsaId deviations reported from or addressed to this unit
 * @param from submitted at or after (inclusive)
 * @param to submitted before (exclusive)
 */
public record DeviationListQuery(
    View view,
    Set<DeviationStatus> statuses,
    Set<String> categoryCodes,
    String unitHsaId,
    Instant from,
    Instant to,
    boolean overdueOnly,
    Sort sort,
    boolean ascending,
    int page,
    int size) {

  public static final int MAX_SIZE = 200;
  public static final int DEFAULT_SIZE = 20;

  /** What I reported, what is addressed to my units, or my organisation's in both directions. */
  public enum View {
    REPORTED,
    INBOX,
    ORGANISATION
  }

  /** Sort keys the lists support (each served by an index or a small result). */
  public enum Sort {
    SUBMITTED_AT,
    ANSWER_DUE_AT,
    LAST_CHANGED_AT,
    CASE_NUMBER,
    STATUS
  }

  public DeviationListQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    categoryCodes = categoryCodes == null ? Set.of() : Set.copyOf(categoryCodes);
    sort = sort == null ? Sort.SUBMITTED_AT : sort;
  }

  /** The newest first, first page, default size. */
  public static DeviationListQuery of(View view) {
    return new DeviationListQuery(
        view,
        Set.of(),
        Set.of(),
        null,
        null,
        null,
        false,
        Sort.SUBMITTED_AT,
        false,
        0,
        DEFAULT_SIZE);
  }

  public DeviationListQuery withPage(int page, int size) {
    return new DeviationListQuery(
        view,
        statuses,
        categoryCodes,
        unitHsaId,
        from,
        to,
        overdueOnly,
        sort,
        ascending,
        page,
        size);
  }

  public DeviationListQuery withStatuses(Set<DeviationStatus> statuses) {
    return new DeviationListQuery(
        view,
        statuses,
        categoryCodes,
        unitHsaId,
        from,
        to,
        overdueOnly,
        sort,
        ascending,
        page,
        size);
  }

  public DeviationListQuery withOverdueOnly() {
    return new DeviationListQuery(
        view, statuses, categoryCodes, unitHsaId, from, to, true, sort, ascending, page, size);
  }
}
