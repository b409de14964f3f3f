package se.samla.deviation.core.deviation.infrastructure;

/**
 * Stores a new aggregate with {@code persist}. Aggregates with application-assigned ids look
 * "existing" to Spring Data's {@code save}, which would then {@code merge} them: a needless select
 * and, worse, copies of their new timeline events instead of the events themselves.
 */
public interface NewAggregates<T> {

  void persist(T aggregate);
}
