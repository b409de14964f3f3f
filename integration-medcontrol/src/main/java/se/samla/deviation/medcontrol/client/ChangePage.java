package se.samla.deviation.medcontrol.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of the change feed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangePage(List<RemoteCase> items, String nextCursor, boolean hasMore) {

  public ChangePage {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
