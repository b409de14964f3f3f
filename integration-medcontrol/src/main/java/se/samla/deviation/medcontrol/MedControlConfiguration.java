package se.samla.deviation.medcontrol;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.web.client.RestClient;
import se.samla.deviation.medcontrol.client.AccessTokens;
import se.samla.deviation.medcontrol.client.MedControlClient;
import se.samla.deviation.medcontrol.client.RemoteCallException;
import se.samla.deviation.medcontrol.routes.ChangeFeedLeadership;
import se.samla.deviation.medcontrol.routes.MedControlErrorHandling;
import se.samla.deviation.medcontrol.routes.MedControlRoutes;
import se.samla.deviation.medcontrol.sync.ChangeFeedPoller;
import se.samla.deviation.medcontrol.sync.OutboxRelay;
import se.samla.deviation.medcontrol.sync.SyncConfiguration;
import se.samla.deviation.medcontrol.sync.SyncMetrics;

/**
 * The MedControl PRO integration's one configuration, picked up by the application from the runtime
 * classpath (auto-configuration imports): the HTTP client with its timeouts, token cache, circuit
 * breaker and rate limiter; the sync services; the Camel routes; and leader election for the
 * change-feed poll.
 */
@AutoConfiguration
@EnableConfigurationProperties(MedControlProperties.class)
@Import(SyncConfiguration.class)
public class MedControlConfiguration {

  @Bean
  CircuitBreaker medControlCircuitBreaker(MedControlProperties config) {
    MedControlProperties.CircuitBreaker c = config.circuitBreaker();
    return CircuitBreaker.of(
        "medcontrol",
        CircuitBreakerConfig.custom()
            .failureRateThreshold(c.failureRateThreshold())
            .slidingWindowSize(c.windowSize())
            .minimumNumberOfCalls(c.minimumCalls())
            .waitDurationInOpenState(c.openDuration())
            .permittedNumberOfCallsInHalfOpenState(2)
            // Only failures that say "MedControl PRO is unwell" count; a 422 is our problem.
            .recordException(
                e ->
                    e instanceof RemoteCallException r
                        && (r.kind() == RemoteCallException.Kind.TRANSIENT
                            || r.kind() == RemoteCallException.Kind.UNAUTHORIZED))
            .ignoreExceptions(RequestNotPermitted.class)
            .build());
  }

  @Bean
  RateLimiter medControlRateLimiter(MedControlProperties config) {
    return RateLimiter.of(
        "medcontrol",
        RateLimiterConfig.custom()
            .limitForPeriod(config.rateLimit())
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ofSeconds(5))
            .build());
  }

  @Bean
  MedControlClient medControlClient(
      MedControlProperties config,
      ObjectProvider<RestClient.Builder> builders,
      CircuitBreaker medControlCircuitBreaker,
      RateLimiter medControlRateLimiter,
      ObjectProvider<MeterRegistry> meters,
      Clock clock) {
    URI base = config.baseUrl() != null ? config.baseUrl() : URI.create("http://localhost:8089");
    URI tokenUrl = config.tokenUrl() != null ? config.tokenUrl() : base.resolve("/oauth2/token");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(config.responseTimeout());
    RestClient.Builder builder = builders.getIfAvailable(RestClient::builder);
    AccessTokens tokens =
        new AccessTokens(
            builder.clone().requestFactory(requests).baseUrl(tokenUrl.toString()).build(),
            config.clientId() == null ? "" : config.clientId(),
            config.clientSecret() == null ? "" : config.clientSecret(),
            config.scope(),
            clock);
    return new MedControlClient(
        builder.clone().requestFactory(requests).baseUrl(base.toString()).build(),
        tokens,
        medControlCircuitBreaker,
        medControlRateLimiter,
        meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
        clock);
  }

  @Bean
  MedControlRoutes medControlRoutes(
      OutboxRelay relay, ChangeFeedPoller poller, MedControlProperties config) {
    return new MedControlRoutes(relay, poller, config);
  }

  @Bean
  MedControlErrorHandling medControlErrorHandling(OutboxRelay relay, ChangeFeedPoller poller) {
    return new MedControlErrorHandling(relay, poller);
  }

  /**
   * A lock region of its own, with a lease ({@code medcontrol.leader-lease}) that bounds how long
   * the others wait when a leader dies without letting go.
   */
  @Bean
  LockRegistryLeaderInitiator medControlLeaderInitiator(
      DataSource dataSource,
      MedControlProperties config,
      ObjectProvider<CamelContext> camel,
      SyncMetrics metrics,
      ApplicationContext context) {
    // Not a bean of its own: core's lock registry is the one JdbcLockRegistry other code injects.
    DefaultLockRepository repository = new DefaultLockRepository(dataSource);
    repository.setApplicationContext(context);
    repository.setPrefix("INT_");
    repository.setRegion("medcontrol");
    repository.setTimeToLive((int) config.leaderLease().toMillis());
    repository.afterPropertiesSet();
    repository.afterSingletonsInstantiated();
    JdbcLockRegistry locks = new JdbcLockRegistry(repository);
    LockRegistryLeaderInitiator initiator =
        new LockRegistryLeaderInitiator(locks, new ChangeFeedLeadership(camel, metrics));
    initiator.setHeartBeatMillis(Math.max(100, config.leaderLease().toMillis() / 3));
    initiator.setBusyWaitMillis(Math.max(50, config.leaderLease().toMillis() / 10));
    // Started once Camel has started (below): leadership granted earlier would start the
    // change-feed route on a Camel context that is not running yet, and the route stayed stopped.
    initiator.setAutoStartup(false);
    return initiator;
  }

  @Bean
  CamelContextConfiguration medControlLeaderAfterCamelStart(
      ObjectProvider<LockRegistryLeaderInitiator> initiator, MedControlProperties config) {
    return new CamelContextConfiguration() {
      @Override
      public void beforeApplicationStart(CamelContext camelContext) {}

      @Override
      public void afterApplicationStart(CamelContext camelContext) {
        if (config.enabled()) {
          initiator.getObject().start();
        }
      }
    };
  }
}
