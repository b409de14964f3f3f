package se.samla.deviation.core.deviation.domain;

import se.samla.deviation.core.access.domain.Actor;

/**
 * Who may see and do what with a deviation (docs/architecture.md#who-may-do-what), as plain rules.
 * The application services ask these before every command; the list queries apply the same
 * visibility rule in SQL ({@code DeviationSpecifications}), and a test keeps the two in step.
 */
public final class DeviationPermissions {

  private DeviationPermissions() {}

  /** The reporter, the receiving unit's handlers, and the coordinators of both organisations. */
  public static boolean canView(Actor actor, Deviation d) {
    return isReporter(actor, d)
        || isReceivingSide(actor, d)
        || actor.coordinates(d.reportingUnit().organisationHsaId());
  }

  /**
   * The patient is shown to exactly those who may see the case: the reporter, the receiving
   * handlers and the coordinators of the two organisations. Everyone else sees it masked.
   */
  public static boolean canSeePatient(Actor actor, Deviation d) {
    return canView(actor, d);
  }

  /** Whether the actor may perform the action; the status is checked by the aggregate. */
  public static boolean may(Actor actor, DeviationAction action, Deviation d) {
    return switch (action) {
      case ASSIGN, FORWARD, RETURN, COMMENT_INTERNAL, ASSESS_RISK -> isReceivingSide(actor, d);
      case REQUEST_INFORMATION, ANSWER -> isAssignedHandler(actor, d);
      case SUPPLY_INFORMATION, ACCEPT, DISPUTE -> isReportingSide(actor, d);
      case WITHDRAW, RESUBMIT -> isReporter(actor, d);
      case COMMENT -> canView(actor, d);
    };
  }

  /** Internal comments are shown only to the receiving side. */
  public static boolean canSeeInternal(Actor actor, Deviation d) {
    return isReceivingSide(actor, d);
  }

  private static boolean isReporter(Actor actor, Deviation d) {
    return d.reporter().hsaId().equals(actor.hsaId());
  }

  private static boolean isReportingSide(Actor actor, Deviation d) {
    return isReporter(actor, d) || actor.coordinates(d.reportingUnit().organisationHsaId());
  }

  private static boolean isReceivingSide(Actor actor, Deviation d) {
    return actor.handles(d.receivingUnit().hsaId())
        || actor.coordinates(d.receivingUnit().organisationHsaId());
  }

  private static boolean isAssignedHandler(Actor actor, Deviation d) {
    return d.handler().map(h -> h.hsaId().equals(actor.hsaId())).orElse(false)
        && actor.handles(d.receivingUnit().hsaId());
  }
}
