package se.samla.deviation.medcontrol.sync;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Field ownership for the shared fields, decided against the base (the values both sides last
 * agreed on). Per field: only the remote moved → take it here; only we moved → send ours; both
 * moved to the same value → agree; both moved to different values → a conflict for a person, and
 * the base stays so that neither value is lost.
 */
final class ThreeWayMerge {

  private ThreeWayMerge() {}

  /** What an incoming remote state means here. */
  record Inbound(
      Set<SharedField> takeRemote, Set<SharedField> conflicts, Map<SharedField, String> newBase) {}

  static Inbound inbound(
      Map<SharedField, String> local,
      Map<SharedField, String> base,
      Map<SharedField, String> remote) {
    Set<SharedField> take = EnumSet.noneOf(SharedField.class);
    Set<SharedField> conflicts = EnumSet.noneOf(SharedField.class);
    Map<SharedField, String> newBase = new EnumMap<>(SharedField.class);
    newBase.putAll(base);
    for (SharedField f : SharedField.values()) {
      String l = local.get(f);
      String b = base.get(f);
      String r = remote.get(f);
      if (Objects.equals(r, b)) {
        continue; // the remote did not move this field
      }
      if (Objects.equals(l, r)) {
        newBase.put(f, r); // both moved to the same value
      } else if (Objects.equals(l, b)) {
        take.add(f); // only the remote moved
        newBase.put(f, r);
      } else {
        conflicts.add(f); // both moved, differently
      }
    }
    return new Inbound(take, conflicts, newBase);
  }

  /** The fields we changed since the base and may send (not those waiting for a person). */
  static Set<SharedField> outbound(
      Map<SharedField, String> local, Map<SharedField, String> base, Set<SharedField> blocked) {
    Set<SharedField> changed = EnumSet.noneOf(SharedField.class);
    for (SharedField f : SharedField.values()) {
      if (!Objects.equals(local.get(f), base.get(f)) && !blocked.contains(f)) {
        changed.add(f);
      }
    }
    return changed;
  }
}
