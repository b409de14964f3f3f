package se.samla.deviation.medcontrol.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.exchange.application.ExternalCaseExchange;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.client.MedControlClient;

/** The sync's services over the ledger; the client and the routes are wired around them. */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

  @Bean
  SyncLedger syncLedger(DataSource dataSource, ObjectMapper json) {
    return new SyncLedger(JdbcClient.create(dataSource), json);
  }

  @Bean
  TransactionTemplate medControlTransactions(PlatformTransactionManager transactions) {
    return new TransactionTemplate(transactions);
  }

  @Bean
  OutboxWriter medControlOutboxWriter(SyncLedger ledger, Clock clock) {
    return new OutboxWriter(ledger, clock);
  }

  @Bean
  SyncMetrics medControlSyncMetrics(MeterRegistry meters, DataSource dataSource, Clock clock) {
    // The gauges' source reads the same counts as the operator overview.
    JdbcClient jdbc = JdbcClient.create(dataSource);
    return new SyncMetrics(meters, now -> SyncAdministration.snapshot(jdbc, now), clock);
  }

  @Bean
  InboundSync medControlInbound(
      SyncLedger ledger,
      ExternalCaseExchange exchange,
      TransactionTemplate medControlTransactions,
      SyncMetrics metrics,
      Clock clock) {
    return new InboundSync(ledger, exchange, medControlTransactions, metrics, clock);
  }

  @Bean
  OutboundSync medControlOutbound(
      SyncLedger ledger,
      ExternalCaseExchange exchange,
      MedControlClient client,
      InboundSync inbound,
      TransactionTemplate medControlTransactions,
      Clock clock) {
    return new OutboundSync(ledger, exchange, client, inbound, medControlTransactions, clock);
  }

  @Bean
  OutboxRelay medControlOutboxRelay(
      SyncLedger ledger,
      OutboundSync outbound,
      SyncMetrics metrics,
      TransactionTemplate medControlTransactions,
      MedControlProperties config,
      Clock clock) {
    RetryPolicy retry =
        new RetryPolicy(config.retry(), () -> ThreadLocalRandom.current().nextDouble());
    return new OutboxRelay(ledger, outbound, retry, metrics, medControlTransactions, config, clock);
  }

  @Bean
  ChangeFeedPoller medControlChangeFeedPoller(
      SyncLedger ledger,
      MedControlClient client,
      InboundSync inbound,
      SyncMetrics metrics,
      TransactionTemplate medControlTransactions,
      MedControlProperties config,
      Clock clock) {
    return new ChangeFeedPoller(
        ledger, client, inbound, metrics, medControlTransactions, config, clock);
  }

  @Bean
  SyncAdministration medControlAdministration(
      DataSource dataSource,
      SyncLedger ledger,
      InboundSync inbound,
      MedControlClient client,
      SyncMetrics metrics,
      TransactionTemplate medControlTransactions,
      MedControlProperties config,
      Clock clock) {
    return new SyncAdministration(
        JdbcClient.create(dataSource),
        ledger,
        inbound,
        client,
        metrics,
        medControlTransactions,
        config,
        clock);
  }

  @Bean
  SyncStatusQuery medControlSyncStatus(DataSource dataSource) {
    return new SyncStatusQuery(JdbcClient.create(dataSource));
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
