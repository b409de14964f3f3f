package se.samla.deviation.medcontrol.routes;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import se.samla.deviation.medcontrol.sync.ChangeFeedPoller;
import se.samla.deviation.medcontrol.sync.OutboxClaim;
import se.samla.deviation.medcontrol.sync.OutboxRelay;

/**
 * Error handling apart from the routes. Outbound: every failure of one item is handled for that
 * item alone (the split goes on) and settled by the relay: permanent refusals DEAD, transient ones
 * later with backoff, calls the breaker refused postponed without spending an attempt. Inbound: a
 * failed poll is logged and counted; the cursor did not move, so the next poll retries. Camel's own
 * redelivery is off: retries are persisted in the outbox, never held in memory.
 */
public class MedControlErrorHandling extends RouteConfigurationBuilder {

  static final String OUTBOUND = "medcontrol-outbound-errors";
  static final String INBOUND = "medcontrol-inbound-errors";
  static final String HOUSEKEEPING = "medcontrol-housekeeping-errors";

  private final OutboxRelay relay;
  private final ChangeFeedPoller poller;

  public MedControlErrorHandling(OutboxRelay relay, ChangeFeedPoller poller) {
    this.relay = relay;
    this.poller = poller;
  }

  @Override
  public void configuration() {
    routeConfiguration(OUTBOUND)
        .onException(Exception.class)
        .handled(true)
        .maximumRedeliveries(0)
        .process(
            exchange -> {
              Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
              Object body = exchange.getIn().getBody();
              if (body instanceof OutboxClaim claim) {
                relay.failed(claim, failure);
              } else {
                relay.claimFailed(failure);
              }
            });

    routeConfiguration(INBOUND)
        .onException(Exception.class)
        .handled(true)
        .maximumRedeliveries(0)
        .process(
            exchange ->
                poller.failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

    routeConfiguration(HOUSEKEEPING)
        .onException(Exception.class)
        .handled(true)
        .maximumRedeliveries(0)
        .log(
            LoggingLevel.WARN,
            "se.samla.deviation.medcontrol.routes",
            "sync ledger housekeeping failed: ${exception.class.simpleName}; next hour retries");
  }
}
