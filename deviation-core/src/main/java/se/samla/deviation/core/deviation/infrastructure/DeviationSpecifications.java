package se.samla.deviation.core.deviation.infrastructure;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.DeviationPermissions;
import se.samla.deviation.core.deviation.domain.DeviationStatus;

/**
 * The visibility rule of {@link DeviationPermissions#canView} in SQL, plus the list views and
 * filters. Every list query starts from {@link #visibleTo}, so an invisible row never leaves the
 * database.
 */
public final class DeviationSpecifications {

  private DeviationSpecifications() {}

  /** Reporter, receiving unit's handlers, coordinators of either organisation. */
  public static Specification<Deviation> visibleTo(Actor actor) {
    return (root, query, cb) -> {
      List<Predicate> any = new ArrayList<>();
      any.add(cb.equal(reporter(root), actor.hsaId()));
      any.add(in(cb, receivingUnit(root), actor.handlerUnits()));
      any.add(in(cb, receivingOrganisation(root), actor.coordinatorOrganisations()));
      any.add(in(cb, reportingOrganisation(root), actor.coordinatorOrganisations()));
      return cb.or(any.toArray(Predicate[]::new));
    };
  }

  public static Specification<Deviation> reportedBy(Actor actor) {
    return (root, query, cb) -> cb.equal(reporter(root), actor.hsaId());
  }

  public static Specification<Deviation> addressedToUnitsOf(Actor actor) {
    return (root, query, cb) -> in(cb, receivingUnit(root), actor.handlerUnits());
  }

  public static Specification<Deviation> concernsOrganisationsOf(Actor actor) {
    return (root, query, cb) ->
        cb.or(
            in(cb, receivingOrganisation(root), actor.coordinatorOrganisations()),
            in(cb, reportingOrganisation(root), actor.coordinatorOrganisations()));
  }

  public static Specification<Deviation> statusIn(Set<DeviationStatus> statuses) {
    return (root, query, cb) -> statuses.isEmpty() ? null : root.get("status").in(statuses);
  }

  public static Specification<Deviation> categoryIn(Set<String> codes) {
    return (root, query, cb) -> codes.isEmpty() ? null : root.get("categoryCode").in(codes);
  }

  public static Specification<Deviation> concernsUnit(String unitHsaId) {
    return (root, query, cb) ->
        unitHsaId == null
            ? null
            : cb.or(
                cb.equal(receivingUnit(root), unitHsaId),
                cb.equal(root.get("reportingUnit").get("hsaId"), unitHsaId));
  }

  public static Specification<Deviation> submittedBetween(Instant from, Instant to) {
    return (root, query, cb) -> {
      Path<Instant> submitted = root.get("submittedAt");
      List<Predicate> bounds = new ArrayList<>();
      if (from != null) {
        bounds.add(cb.greaterThanOrEqualTo(submitted, from));
      }
      if (to != null) {
        bounds.add(cb.lessThan(submitted, to));
      }
      return bounds.isEmpty() ? null : cb.and(bounds.toArray(Predicate[]::new));
    };
  }

  /** The same rule as {@link Deviation#isOverdue(Instant)}. */
  public static Specification<Deviation> overdueAt(Instant now) {
    return (root, query, cb) -> {
      Path<DeviationStatus> status = root.get("status");
      Path<Instant> ackDue = root.get("acknowledgementDueAt");
      Path<Instant> answerDue = root.get("answerDueAt");
      Path<Instant> pausedAt = root.get("pausedAt");
      return cb.or(
          cb.and(
              cb.equal(status, DeviationStatus.SUBMITTED),
              cb.or(cb.lessThan(ackDue, now), cb.lessThan(answerDue, now))),
          cb.and(cb.equal(status, DeviationStatus.ASSIGNED), cb.lessThan(answerDue, now)),
          cb.and(
              cb.equal(status, DeviationStatus.INFORMATION_REQUESTED),
              cb.greaterThan(pausedAt, answerDue)));
    };
  }

  private static Predicate in(CriteriaBuilder cb, Path<String> path, Collection<String> values) {
    return values.isEmpty() ? cb.disjunction() : path.in(values);
  }

  private static Path<String> reporter(Root<Deviation> root) {
    return root.get("reporter").get("hsaId");
  }

  private static Path<String> receivingUnit(Root<Deviation> root) {
    return root.get("receivingUnit").get("hsaId");
  }

  private static Path<String> receivingOrganisation(Root<Deviation> root) {
    return root.get("receivingUnit").get("organisationHsaId");
  }

  private static Path<String> reportingOrganisation(Root<Deviation> root) {
    return root.get("reportingUnit").get("organisationHsaId");
  }
}
