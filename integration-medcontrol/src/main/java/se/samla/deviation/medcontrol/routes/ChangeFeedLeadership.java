package se.samla.deviation.medcontrol.routes;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import se.samla.deviation.medcontrol.sync.SyncMetrics;

/**
 * The leader candidate for the change-feed poll: leadership starts the poll route, losing it stops
 * the route. Two pollers at once (a lost lock not yet noticed) are harmless: the inbox and the
 * cursor's compare-and-set make the second one's work a no-op.
 *
 * <p>The initiator joins the election only once Camel has started its routes ({@code
 * MedControlConfiguration#medControlLeadershipStarter}): a route started before Camel would stay
 * stopped, since it does not start by itself. The Camel context is looked up lazily: creating it
 * early reorders Spring's refresh listeners so that Camel starts before its routes are added.
 */
public class ChangeFeedLeadership extends DefaultCandidate {

  public static final String ROLE = "medcontrol-change-feed";
  private static final Logger log = LoggerFactory.getLogger(ChangeFeedLeadership.class);

  private final ObjectProvider<CamelContext> camel;
  private final SyncMetrics metrics;

  public ChangeFeedLeadership(ObjectProvider<CamelContext> camel, SyncMetrics metrics) {
    super(UUID.randomUUID().toString(), ROLE);
    this.camel = camel;
    this.metrics = metrics;
  }

  @Override
  public void onGranted(Context context) {
    log.info("this instance now polls the MedControl PRO change feed");
    metrics.leader(true);
    try {
      camel.getObject().getRouteController().startRoute(MedControlRoutes.CHANGE_FEED_ROUTE);
    } catch (Exception e) {
      metrics.leader(false);
      context.yield();
      throw new IllegalStateException("could not start the change-feed route", e);
    }
  }

  @Override
  public void onRevoked(Context context) {
    log.info("this instance no longer polls the MedControl PRO change feed");
    metrics.leader(false);
    try {
      camel
          .getObject()
          .getRouteController()
          .stopRoute(MedControlRoutes.CHANGE_FEED_ROUTE, 5, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("stopping the change-feed route failed: {}", e.toString());
    }
  }
}
