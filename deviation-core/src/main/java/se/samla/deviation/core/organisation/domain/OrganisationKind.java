package se.samla.deviation.core.organisation.domain;

/** The kind of care provider (vårdgivare/huvudman). */
public enum OrganisationKind {
  REGION,
  MUNICIPALITY,
  PRIVATE
}
