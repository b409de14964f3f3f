package se.samla.deviation.core.deviation.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class DeviationCommitTest {

  @Test
  void recognisesAUniqueViolationByStateAndConstraintName() {
    assertThat(
            DeviationCommit.violates(
                failure("23505", "deviation_event_sequence_unique"),
                DeviationCommit.TIMELINE_SEQUENCE))
        .isTrue();
  }

  @Test
  void aMessageThatMerelyMentionsTheConstraintIsNotItsViolation() {
    DataIntegrityViolationException other =
        new DataIntegrityViolationException(
            "deviation_event_sequence_unique mentioned in a message",
            new ConstraintViolationException(
                "duplicate key",
                new SQLException("deviation_event_sequence_unique", "23505"),
                "deviation_case_number_unique"));
    assertThat(DeviationCommit.violates(other, DeviationCommit.TIMELINE_SEQUENCE)).isFalse();
  }

  @Test
  void aCheckViolationOfTheSameNameIsNotAUniqueViolation() {
    assertThat(
            DeviationCommit.violates(
                failure("23514", "deviation_event_sequence_unique"),
                DeviationCommit.TIMELINE_SEQUENCE))
        .isFalse();
  }

  private static DataIntegrityViolationException failure(String sqlState, String constraint) {
    return new DataIntegrityViolationException(
        "could not execute statement",
        new ConstraintViolationException(
            "could not execute statement", new SQLException("violation", sqlState), constraint));
  }
}
