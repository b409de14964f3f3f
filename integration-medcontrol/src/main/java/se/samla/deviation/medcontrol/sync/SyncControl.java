package se.samla.deviation.medcontrol.sync;

import static se.samla.deviation.medcontrol.sync.LedgerSql.ts;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code medcontrol_control}: the operators' pause switch, one row shared by every instance. The
 * relay and the poller read it at the start of every round. No method opens a transaction.
 */
class SyncControl {

  private final JdbcClient jdbc;

  SyncControl(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean paused() {
    return jdbc.sql("select paused from medcontrol_control where id = 1")
        .query(Boolean.class)
        .single();
  }

  void setPaused(boolean paused, String by, Instant now) {
    jdbc.sql(
            "update medcontrol_control set paused = :p, changed_by = :by, changed_at = :now where id = 1")
        .param("p", paused)
        .param("by", by)
        .param("now", ts(now))
        .update();
  }
}
