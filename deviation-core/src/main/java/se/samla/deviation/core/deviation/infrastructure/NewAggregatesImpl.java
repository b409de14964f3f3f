package se.samla.deviation.core.deviation.infrastructure;

import jakarta.persistence.EntityManager;

class NewAggregatesImpl<T> implements NewAggregates<T> {

  private final EntityManager entityManager;

  NewAggregatesImpl(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public void persist(T aggregate) {
    entityManager.persist(aggregate);
  }
}
