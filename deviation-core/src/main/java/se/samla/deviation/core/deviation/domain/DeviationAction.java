package se.samla.deviation.core.deviation.domain;

/** Everything a person can do to a deviation after registering it. */
public enum DeviationAction {
  ASSIGN,
  FORWARD,
  RETURN,
  REQUEST_INFORMATION,
  SUPPLY_INFORMATION,
  ANSWER,
  ACCEPT,
  DISPUTE,
  WITHDRAW,
  RESUBMIT,
  COMMENT,
  COMMENT_INTERNAL,
  /** Assess or re-assess the risk (the receiving side). */
  ASSESS_RISK
}
