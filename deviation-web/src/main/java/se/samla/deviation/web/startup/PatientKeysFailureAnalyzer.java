package se.samla.deviation.web.startup;

import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Explains a start without valid patient data keys ({@code deviation.patient.*}): what is wrong and
 * what an operator or a developer should do. It prints the validation messages, which name
 * properties only, and never a rejected value, so no key material reaches the log.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class PatientKeysFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

  static final String PREFIX = "deviation.patient";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
    if (!PREFIX.equals(String.valueOf(cause.getName()))) {
      return null;
    }
    BindValidationException validation = findCause(cause, BindValidationException.class);
    String problems =
        validation == null
            ? "    - they could not be read"
            : validation.getValidationErrors().getAllErrors().stream()
                .map(PatientKeysFailureAnalyzer::describe)
                .map(line -> "    - " + line)
                .collect(Collectors.joining("\n"));
    return new FailureAnalysis(
        "The patient data keys (" + PREFIX + ".*) are missing or invalid:\n" + problems,
        "Outside the dev profile an operator must configure "
            + PREFIX
            + ".keys.<key-id> (base64 of 32 random bytes), "
            + PREFIX
            + ".active-key-id and "
            + PREFIX
            + ".pseudonym-key (base64 of at least 32 other random bytes), for example as"
            + " environment variables or in a mounted configuration file. On a laptop, run with"
            + " the dev profile (--spring.profiles.active=dev), which has development-only keys.",
        cause);
  }

  private static String describe(ObjectError error) {
    if (error instanceof FieldError field) {
      // Never the rejected value: it may be key material.
      return PREFIX + "." + field.getField() + ": " + field.getDefaultMessage();
    }
    return error.getDefaultMessage();
  }
}
