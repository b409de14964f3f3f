package se.samla.deviation.core.deviation.application;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The sync state of deviations, provided by the MedControl PRO integration when it is on the
 * classpath. Core reads it through this port so that it never depends on the integration.
 */
public interface MedControlLinks {

  /** The state of each given deviation that has one; deviations never synced are absent. */
  Map<UUID, MedControlLink> of(Collection<UUID> deviationIds);
}
