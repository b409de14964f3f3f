package se.samla.deviation.core.organisation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/** A deviation category from the versioned, seeded list, mapped to a MedControl PRO code. */
@Entity
@Table(name = "category")
public class Category {

  @Id private String code;

  @Column(name = "label_sv")
  private String labelSv;

  @Column(name = "label_en")
  private String labelEn;

  @Column(name = "medcontrol_code")
  private String medControlCode;

  @Column(name = "sort_order")
  private int sortOrder;

  @Column(name = "list_version")
  private int listVersion;

  private boolean active;

  protected Category() {}

  public String code() {
    return code;
  }

  /** The label in the given language; Swedish unless English is asked for. */
  public String label(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelSv;
  }

  public String medControlCode() {
    return medControlCode;
  }

  public int sortOrder() {
    return sortOrder;
  }

  public int listVersion() {
    return listVersion;
  }

  public boolean active() {
    return active;
  }
}
