package se.samla.deviation.core.patient.infrastructure;

import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * Everything Spring Boot would print about a startup failure: each exception in the chain, each
 * validation error, and the failure analysis shown in the "APPLICATION FAILED TO START" banner.
 */
final class FailureReports {

  private FailureReports() {}

  static String of(Throwable failure) {
    StringBuilder report = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      report.append(t).append('\n');
      if (t instanceof BindValidationException validation) {
        validation.getValidationErrors().getAllErrors().forEach(e -> report.append(e).append('\n'));
      }
    }
    FailureAnalysis analysis = analyze(failure);
    if (analysis != null) {
      report.append(analysis.getDescription()).append('\n').append(analysis.getAction());
    }
    return report.toString();
  }

  /** The analysis Boot's own analyzers give; analyzers that need a context are skipped. */
  static FailureAnalysis analyze(Throwable failure) {
    List<FailureAnalyzer> analyzers =
        SpringFactoriesLoader.forDefaultResourceLocation(FailureReports.class.getClassLoader())
            .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, error) -> {}));
    return analyzers.stream()
        .map(analyzer -> analyzer.analyze(failure))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
