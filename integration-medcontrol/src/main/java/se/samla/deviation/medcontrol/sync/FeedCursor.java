package se.samla.deviation.medcontrol.sync;

import static se.samla.deviation.medcontrol.sync.LedgerSql.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code medcontrol_cursor}: where the change feed was last read to. Moved only by compare-and-set,
 * after the page it ends is committed, so two pollers cannot move it backwards. No method opens a
 * transaction.
 */
class FeedCursor {

  private static final String CHANGES = "changes";

  private final JdbcClient jdbc;

  FeedCursor(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The cursor to read the feed from; empty before the first page. */
  Optional<String> current() {
    return jdbc.sql("select cursor from medcontrol_cursor where name = :name")
        .param("name", CHANGES)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .single();
  }

  /** Compare-and-set: moves the cursor only if it still is {@code expected}. */
  boolean advance(String expected, String next, Instant now) {
    return jdbc.sql(
                """
                update medcontrol_cursor set cursor = :next, updated_at = :now, last_poll_at = :now
                 where name = :name and cursor is not distinct from :expected
                """)
            .param("next", next)
            .param("now", ts(now))
            .param("name", CHANGES)
            .param("expected", expected)
            .update()
        == 1;
  }
}
