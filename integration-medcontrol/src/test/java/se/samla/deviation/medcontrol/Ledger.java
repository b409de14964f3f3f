package se.samla.deviation.medcontrol;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the sync ledger for assertions. */
public record Ledger(JdbcTemplate jdbc) {

  public List<Map<String, Object>> outbox(UUID deviationId) {
    return jdbc.queryForList(
        "select * from medcontrol_outbox where deviation_id = ? order by id", deviationId);
  }

  /** The newest outbox row's state, or null. */
  public String latestState(UUID deviationId) {
    List<String> states =
        jdbc.queryForList(
            "select state from medcontrol_outbox where deviation_id = ? order by id desc limit 1",
            String.class,
            deviationId);
    return states.isEmpty() ? null : states.get(0);
  }

  /** Whether everything of this deviation has been sent (its latest row SENT, none active). */
  public boolean sent(UUID deviationId) {
    return "SENT".equals(latestState(deviationId));
  }

  public String caseId(UUID deviationId) {
    List<String> ids =
        jdbc.queryForList(
            "select case_id from medcontrol_link where deviation_id = ?",
            String.class,
            deviationId);
    return ids.isEmpty() ? null : ids.get(0);
  }

  public List<Map<String, Object>> openConflicts(UUID deviationId) {
    return jdbc.queryForList(
        "select * from medcontrol_conflict where deviation_id = ? and state = 'OPEN'", deviationId);
  }

  public String inboxOutcome(String caseId, long version) {
    List<String> outcomes =
        jdbc.queryForList(
            "select outcome from medcontrol_inbox where case_id = ? and version = ?",
            String.class,
            caseId,
            version);
    return outcomes.isEmpty() ? null : outcomes.get(0);
  }

  public UUID deviationOfCase(String caseId) {
    List<UUID> ids =
        jdbc.queryForList(
            "select deviation_id from medcontrol_link where case_id = ?", UUID.class, caseId);
    return ids.isEmpty() ? null : ids.get(0);
  }
}
