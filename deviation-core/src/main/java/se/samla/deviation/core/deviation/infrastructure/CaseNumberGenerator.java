package se.samla.deviation.core.deviation.infrastructure;

import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.common.domain.ServiceZone;

/**
 * Hands out case numbers {@code <PREFIX>-<YEAR>-<6 digits>}, unique under any concurrency. The
 * per-year counter is bumped by one atomic upsert in its own short transaction, so registrations
 * never queue behind each other's row lock; a rolled-back registration leaves a gap, which is
 * allowed (unique, not gap-free). The year is the calendar year in the service zone.
 */
@Component
public class CaseNumberGenerator {

  private static final String NEXT =
      """
      insert into case_number_counter (prefix, year, last_value) values (?, ?, 1)
      on conflict (prefix, year) do update set last_value = case_number_counter.last_value + 1
      returning last_value
      """;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final ServiceZone zone;
  private final String prefix;

  CaseNumberGenerator(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      ServiceZone zone,
      CaseNumberProperties properties) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.zone = zone;
    this.prefix = properties.prefix();
  }

  /** The next case number of the current calendar year in the service zone. */
  public String next() {
    return nextForYear(zone.today(clock).getYear());
  }

  /** The next case number of the given year (for imports and back-dated demo data). */
  public String nextForYear(int year) {
    Integer value =
        ownTransaction.execute(tx -> jdbc.queryForObject(NEXT, Integer.class, prefix, year));
    if (value == null || value > 999_999) {
      throw new IllegalStateException("case number counter exhausted for " + prefix + "-" + year);
    }
    return "%s-%d-%06d".formatted(prefix, year, value);
  }
}
