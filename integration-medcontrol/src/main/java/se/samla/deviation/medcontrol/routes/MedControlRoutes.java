package se.samla.deviation.medcontrol.routes;

import org.apache.camel.builder.RouteBuilder;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.sync.ChangeFeedPoller;
import se.samla.deviation.medcontrol.sync.OutboxRelay;

/**
 * The sync's two routes. The outbox relay runs on every instance (rows are claimed with SKIP
 * LOCKED, so instances share the work). The change-feed poll starts stopped; the leader starts it
 * and stops it again when leadership is lost.
 */
public class MedControlRoutes extends RouteBuilder {

  public static final String OUTBOX_ROUTE = "medcontrol-outbox-relay";
  public static final String CHANGE_FEED_ROUTE = "medcontrol-change-feed";
  public static final String HOUSEKEEPING_ROUTE = "medcontrol-housekeeping";

  private final OutboxRelay relay;
  private final ChangeFeedPoller poller;
  private final MedControlProperties config;

  public MedControlRoutes(OutboxRelay relay, ChangeFeedPoller poller, MedControlProperties config) {
    this.relay = relay;
    this.poller = poller;
    this.config = config;
  }

  @Override
  public void configure() {
    from("timer:medcontrol-outbox?delay=1000&fixedRate=false&period="
            + config.relayInterval().toMillis())
        .routeId(OUTBOX_ROUTE)
        .routeConfigurationId(MedControlErrorHandling.OUTBOUND)
        .bean(relay, "claim")
        .split(body())
        .parallelProcessing()
        .executorService(
            getContext()
                .getExecutorServiceManager()
                .newFixedThreadPool(this, "medcontrol-push", config.concurrency()))
        .bean(relay, "push")
        .end();

    from("timer:medcontrol-changes?delay=500&fixedRate=false&period="
            + config.pollInterval().toMillis())
        .routeId(CHANGE_FEED_ROUTE)
        .routeConfigurationId(MedControlErrorHandling.INBOUND)
        .autoStartup(false)
        .bean(poller, "pollOnce");

    from("timer:medcontrol-housekeeping?delay=60000&period=3600000")
        .routeId(HOUSEKEEPING_ROUTE)
        .routeConfigurationId(MedControlErrorHandling.HOUSEKEEPING)
        .bean(relay, "purgeHistory");
  }
}
