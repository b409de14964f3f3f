package se.samla.deviation.core.common.application;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Text a person can type: any character but the control characters (Unicode category Cc: U+0000 to
 * U+001F, U+007F to U+009F), except tab, newline and a carriage return directly followed by a
 * newline. PostgreSQL refuses U+0000 outright, and the others have no business in a report a
 * colleague reads; refusing them in the command gives a 422 naming the field instead of a failure
 * deep in the database.
 */
public final class PlainText {

  /** The {@link FieldError#code()} of a refused text. */
  public static final String CODE = "controlCharacter";

  private PlainText() {}

  /** Whether the text holds only characters a person can type; null is plain. */
  public static boolean isPlain(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isISOControl(c) || c == '\t' || c == '\n') {
        continue;
      }
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      return false;
    }
    return true;
  }

  /**
   * The text without the characters {@link #isPlain} refuses (a lone carriage return becomes a
   * newline): for text from another system, which cannot be sent back for correction.
   */
  public static String plain(String text) {
    if (isPlain(text)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        kept.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r" : "\n");
      } else if (!Character.isISOControl(c) || c == '\t' || c == '\n') {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /** Adds an error for {@code field} when its text is not plain. */
  public static void check(List<FieldError> errors, String field, String text) {
    if (!isPlain(text)) {
      errors.add(error(field));
    }
  }

  /**
   * One error per text component of a command record that is not plain: every {@code String} and
   * every collection of strings, named as the record names them. New commands are covered without a
   * list of their fields to keep up to date.
   */
  public static List<FieldError> violations(Record command) {
    List<FieldError> errors = new ArrayList<>();
    for (RecordComponent component : command.getClass().getRecordComponents()) {
      Object value = read(command, component);
      if (value instanceof String text) {
        check(errors, component.getName(), text);
      } else if (value instanceof Collection<?> values
          && values.stream().anyMatch(v -> v instanceof String s && !isPlain(s))) {
        errors.add(error(component.getName()));
      }
    }
    return errors;
  }

  /** The error for a field whose text is not plain. */
  public static FieldError error(String field) {
    return new FieldError(
        field, CODE, "contains a control character (only tab and line breaks are allowed)");
  }

  private static Object read(Record command, RecordComponent component) {
    try {
      component.getAccessor().trySetAccessible();
      return component.getAccessor().invoke(command);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of a command", e);
    }
  }
}
