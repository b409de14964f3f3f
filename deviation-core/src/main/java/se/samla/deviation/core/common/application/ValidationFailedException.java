package se.samla.deviation.core.common.application;

import java.util.List;
import java.util.stream.Collectors;

/** A command was invalid; nothing was stored. The message names the fields, never their values. */
public class ValidationFailedException extends RuntimeException {

  private final List<FieldError> errors;

  public ValidationFailedException(List<FieldError> errors) {
    super(
        "invalid fields: "
            + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")));
    this.errors = List.copyOf(errors);
  }

  public static ValidationFailedException of(String field, String code, String message) {
    return new ValidationFailedException(List.of(new FieldError(field, code, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
