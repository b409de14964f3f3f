package se.samla.deviation.laptop.database;

/**
 * The embedded database cannot start, with what went wrong and what to do about it, each in one
 * sentence; {@link EmbeddedDatabaseFailureAnalyzer} prints the two instead of a stack trace.
 */
public class EmbeddedDatabaseException extends RuntimeException {

  private final String action;

  EmbeddedDatabaseException(String description, String action) {
    this(description, action, null);
  }

  EmbeddedDatabaseException(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  /** What to do, in one sentence. */
  public String action() {
    return action;
  }
}
