package se.samla.deviation.core.common.application;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as the API returns it. */
public record PageResult<T>(List<T> items, int page, int size, long totalItems) {

  public <R> PageResult<R> map(Function<T, R> mapper) {
    return new PageResult<>(items.stream().map(mapper).toList(), page, size, totalItems);
  }
}
