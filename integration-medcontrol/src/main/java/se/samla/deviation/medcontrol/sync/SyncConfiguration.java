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

/** The sync's services over the ledger; the client and the routes are wired around them. */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

  @Bean
  SyncLedger syncLedger(JdbcClient jdbc, ObjectMapper json) {
    return new SyncLedger(jdbc, json);
  }

  @Bean
  OutboxWriter medControlOutboxWriter(SyncLedger ledger, Clock clock) {
    return new OutboxWriter(ledger, clock);
  }

  @Bean
  SyncMetrics medControlSyncMetrics(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
    // The gauges' source reads the same counts as the operator overview.
    return new SyncMetrics(meters, now -> SyncAdministration.snapshot(jdbc, now), clock);
  }

  @Bean
  InboundSync medControlInbound(
      SyncLedger ledger,
      MedControlWorkflow workflow,
      TransactionTemplate transactionTemplate,
      SyncMetrics metrics,
      Clock clock) {
    return new InboundSync(ledger, workflow, transactionTemplate, metrics, clock);
  }

  @Bean
  OutboundSync medControlOutbound(
      SyncLedger ledger,
      MedControlWorkflow workflow,
      MedControlClient client,
      InboundSync inbound,
      TransactionTemplate transactionTemplate,
      Clock clock) {
    return new OutboundSync(ledger, workflow, client, inbound, transactionTemplate, clock);
  }

  @Bean
  OutboxRelay medControlOutboxRelay(
      SyncLedger ledger,
      OutboundSync outbound,
      SyncMetrics metrics,
      TransactionTemplate transactionTemplate,
      MedControlProperties config,
      Clock clock) {
    RetryPolicy retry =
        new RetryPolicy(config.retry(), () -> ThreadLocalRandom.current().nextDouble());
    return new OutboxRelay(ledger, outbound, retry, metrics, transactionTemplate, config, clock);
  }

  @Bean
  ChangeFeedPoller medControlChangeFeedPoller(
      SyncLedger ledger,
      MedControlClient client,
      InboundSync inbound,
      SyncMetrics metrics,
      TransactionTemplate transactionTemplate,
      MedControlProperties config,
      Clock clock) {
    return new ChangeFeedPoller(
        ledger, client, inbound, metrics, transactionTemplate, config, clock);
  }

  @Bean
  SyncAdministration medControlAdministration(
      JdbcClient jdbc,
      SyncLedger ledger,
      InboundSync inbound,
      MedControlClient client,
      SyncMetrics metrics,
      TransactionTemplate transactionTemplate,
      MedControlProperties config,
      Clock clock) {
    return new SyncAdministration(
        jdbc, ledger, inbound, client, metrics, transactionTemplate, config, clock);
  }

  @Bean
  SyncStatusQuery medControlSyncStatus(JdbcClient jdbc) {
    return new SyncStatusQuery(jdbc);
  }

  @Bean("medcontrolHealthIndicator")
  MedControlHealthIndicator medcontrolHealthIndicator(
      MedControlClient client,
      SyncMetrics metrics,
      SyncLedger ledger,
      MedControlProperties config,
      Clock clock) {
    return new MedControlHealthIndicator(client, metrics, ledger, config, clock);
  }
}
