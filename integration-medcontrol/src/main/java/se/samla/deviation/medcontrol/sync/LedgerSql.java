package se.samla.deviation.medcontrol.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** How the ledger's tables store what Java holds: instants as timestamps, bounded texts. */
final class LedgerSql {

  /** The length of the outbox's {@code last_error} and the inbox's {@code detail}. */
  private static final int TEXT_LENGTH = 500;

  private LedgerSql() {}

  static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** A text cut to what its column holds, or null. */
  static String bounded(String text) {
    return text == null || text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH);
  }
}
