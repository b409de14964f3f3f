package se.samla.deviation.core.deviation.infrastructure;

/**
 * Stores a new aggregate with {@code persist}. Spring Data's {@code save} would {@code merge} a new
 * {@code Deviation} (a needless select and, worse, copies of its new timeline events instead of the
 * events themselves): its id is assigned by the application, and it tells a new aggregate by a null
 * {@code @Version}, but reads it through the record-style accessor {@code long version()}, which
 * gives 0. {@code Persistable} would fix that but is Spring in the domain, which stays plain Java.
 * {@code DeviationsIT} fails when {@code save} learns to persist it and this can go.
 */
public interface NewAggregates<T> {

  void persist(T aggregate);
}
