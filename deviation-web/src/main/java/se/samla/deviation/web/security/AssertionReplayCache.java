package se.samla.deviation.web.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers the ids of the SAML assertions used for a login in PostgreSQL, so that a captured
 * response cannot be posted again, on this instance or any other sharing the database. A single
 * INSERT on the primary key decides: the database, not a read-then-write, refuses the second use.
 */
@Component
class AssertionReplayCache {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  AssertionReplayCache(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records the assertion id as used until {@code expiresAt}.
   *
   * @return false when it had been used before (a replay)
   */
  boolean firstUse(String assertionId, Instant expiresAt) {
    removeExpired();
    try {
      jdbc.update(
          "INSERT INTO saml_assertion_replay (assertion_id, expires_at) VALUES (?, ?)",
          assertionId,
          Timestamp.from(expiresAt));
      return true;
    } catch (DuplicateKeyException replay) {
      return false;
    }
  }

  /** Deletes the ids whose assertions have expired; they can no longer be accepted anyway. */
  int removeExpired() {
    return jdbc.update(
        "DELETE FROM saml_assertion_replay WHERE expires_at < ?", Timestamp.from(clock.instant()));
  }
}
