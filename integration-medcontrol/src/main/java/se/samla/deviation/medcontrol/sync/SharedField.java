package se.samla.deviation.medcontrol.sync;

/**
 * The fields that both sides may change after registration, merged three ways against the base (the
 * values both last agreed on). Registration fields (description, times, patient) belong to the side
 * where the deviation was registered and are never merged. The risk is shared: the remote case
 * carries the current risk (our receiving side's assessment, else the reporter's estimate), and a
 * risk moved there becomes the receiving side's assessment here.
 */
enum SharedField {
  STATUS("status"),
  HANDLER("handler"),
  ANSWER("answer"),
  CLOSED_AT("closedAt"),
  RECEIVING_UNIT("receivingUnit"),
  RISK("risk");

  private final String key;

  SharedField(String key) {
    this.key = key;
  }

  /** The name in the base JSON, the conflict table and the operator API. */
  String key() {
    return key;
  }

  static SharedField ofKey(String key) {
    for (SharedField f : values()) {
      if (f.key.equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown shared field " + key);
  }
}
