package se.samla.deviation.core.infrastructure;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;

/**
 * Locks in PostgreSQL (Spring Integration's JDBC lock registry) for work that must run on one
 * instance at a time: scheduled jobs here, leader election for the MedControl PRO poll later.
 */
@Configuration(proxyBeanMethods = false)
class LockingConfiguration {

  @Bean
  DefaultLockRepository lockRepository(DataSource dataSource) {
    DefaultLockRepository repository = new DefaultLockRepository(dataSource);
    repository.setPrefix("INT_");
    repository.setTimeToLive(60_000);
    return repository;
  }

  @Bean
  JdbcLockRegistry lockRegistry(LockRepository lockRepository) {
    return new JdbcLockRegistry(lockRepository);
  }
}
