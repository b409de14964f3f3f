package se.samla.deviation.laptop.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Explains why the embedded database did not start and what to do, without a stack trace. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
