package se.samla.deviation.medcontrol.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.medcontrol.application.MedControlWorkflow;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.client.MedControlClient;

/**
 * The sync's services over the ledger, one class per table (migration V8); the client and the
 * routes are wired around them.
 */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

  @Bean
  Outbox medControlOutbox(JdbcClient jdbc) {
    return new Outbox(jdbc);
  }

  @Bean
  Links medControlCaseLinks(JdbcClient jdbc, ObjectMapper json) {
    return new Links(jdbc, json);
  }

  @Bean
  Inbox medControlInbox(JdbcClient jdbc) {
    return new Inbox(jdbc);
  }

  @Bean
  FeedCursor medControlFeedCursor(JdbcClient jdbc) {
    return new FeedCursor(jdbc);
  }

  @Bean
  Conflicts medControlConflicts(JdbcClient jdbc) {
    return new Conflicts(jdbc);
  }

  @Bean
  SyncControl medControlSyncControl(JdbcClient jdbc) {
    return new SyncControl(jdbc);
  }

  @Bean
  OutboxWriter medControlOutboxWriter(Outbox outbox, Clock clock) {
    return new OutboxWriter(outbox, clock);
  }

  @Bean
  SyncMetrics medControlSyncMetrics(
      MeterRegistry meters, Outbox outbox, Conflicts conflicts, Inbox inbox, Clock clock) {
    // The gauges' source reads the same counts as the operator overview.
    return new SyncMetrics(meters, now -> SyncSnapshot.read(outbox, conflicts, inbox, now), clock);
  }

  @Bean
  InboundSync medControlInbound(
      Inbox inbox,
      Links links,
      Conflicts conflicts,
      MedControlWorkflow workflow,
      TransactionTemplate transactionTemplate,
      SyncMetrics metrics,
      Clock clock) {
    return new InboundSync(inbox, links, conflicts, workflow, transactionTemplate, metrics, clock);
  }

  @Bean
  OutboundSync medControlOutbound(
      Links links,
      Inbox inbox,
      Conflicts conflicts,
      MedControlWorkflow workflow,
      MedControlClient client,
      InboundSync inbound,
      TransactionTemplate transactionTemplate,
      Clock clock) {
    return new OutboundSync(
        links, inbox, conflicts, workflow, client, inbound, transactionTemplate, clock);
  }

  @Bean
  OutboxRelay medControlOutboxRelay(
      Outbox outbox,
      Inbox inbox,
      SyncControl control,
      OutboundSync outbound,
      SyncMetrics metrics,
      TransactionTemplate transactionTemplate,
      MedControlProperties config,
      Clock clock) {
    RetryPolicy retry =
        new RetryPolicy(config.retry(), () -> ThreadLocalRandom.current().nextDouble());
    return new OutboxRelay(
        outbox, inbox, control, outbound, retry, metrics, transactionTemplate, config, clock);
  }

  @Bean
  ChangeFeedPoller medControlChangeFeedPoller(
      SyncControl control,
      FeedCursor cursor,
      MedControlClient client,
      InboundSync inbound,
      SyncMetrics metrics,
      TransactionTemplate transactionTemplate,
      MedControlProperties config,
      Clock clock) {
    return new ChangeFeedPoller(
        control, cursor, client, inbound, metrics, transactionTemplate, config, clock);
  }

  @Bean
  SyncAdministration medControlAdministration(
      Outbox outbox,
      Links links,
      Inbox inbox,
      Conflicts conflicts,
      SyncControl control,
      InboundSync inbound,
      MedControlClient client,
      SyncMetrics metrics,
      TransactionTemplate transactionTemplate,
      MedControlProperties config,
      Clock clock) {
    return new SyncAdministration(
        outbox,
        links,
        inbox,
        conflicts,
        control,
        inbound,
        client,
        metrics,
        transactionTemplate,
        config,
        clock);
  }

  @Bean
  SyncStatusQuery medControlSyncStatus(JdbcClient jdbc) {
    return new SyncStatusQuery(jdbc);
  }

  @Bean("medcontrolHealthIndicator")
  MedControlHealthIndicator medcontrolHealthIndicator(
      MedControlClient client,
      SyncMetrics metrics,
      SyncControl control,
      MedControlProperties config,
      Clock clock) {
    return new MedControlHealthIndicator(client, metrics, control, config, clock);
  }
}
