package se.samla.deviation.core.organisation.application;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samla.deviation.core.organisation.domain.Category;
import se.samla.deviation.core.organisation.domain.Organisation;
import se.samla.deviation.core.organisation.domain.OrganisationKind;
import se.samla.deviation.core.organisation.domain.Unit;
import se.samla.deviation.core.organisation.infrastructure.Categories;
import se.samla.deviation.core.organisation.infrastructure.Organisations;
import se.samla.deviation.core.organisation.infrastructure.Units;

/** Units and categories for pickers and for naming things in views. */
@Service
@Transactional(readOnly = true)
public class ReferenceData {

  /** A unit with its organisation, as pickers and views show it. */
  public record UnitView(
      String hsaId,
      String name,
      String organisationHsaId,
      String organisationName,
      OrganisationKind organisationKind,
      boolean active) {}

  /** A category label in one language. */
  public record CategoryView(String code, String label, boolean active) {}

  private final Units units;
  private final Organisations organisations;
  private final Categories categories;

  ReferenceData(Units units, Organisations organisations, Categories categories) {
    this.units = units;
    this.organisations = organisations;
    this.categories = categories;
  }

  public List<UnitView> searchUnits(String query, String organisationHsaId) {
    String q = query == null || query.isBlank() ? null : query.strip();
    return toViews(units.searchActive(q, organisationHsaId));
  }

  /** The units with these ids, keyed by id; unknown ids are left out. */
  public Map<String, UnitView> units(java.util.Collection<String> hsaIds) {
    return toViews(units.findAllById(hsaIds)).stream()
        .collect(Collectors.toMap(UnitView::hsaId, Function.identity()));
  }

  public List<CategoryView> categories(Locale locale) {
    return categories.findAllByOrderBySortOrder().stream()
        .map(c -> new CategoryView(c.code(), c.label(locale), c.active()))
        .toList();
  }

  public List<Category> categoryEntities() {
    return categories.findAllByOrderBySortOrder();
  }

  private List<UnitView> toViews(List<Unit> found) {
    Map<String, Organisation> orgs =
        organisations
            .findAllById(found.stream().map(Unit::organisationHsaId).collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(Organisation::hsaId, Function.identity()));
    return found.stream()
        .map(
            u -> {
              Organisation o = orgs.get(u.organisationHsaId());
              return new UnitView(u.hsaId(), u.name(), o.hsaId(), o.name(), o.kind(), u.active());
            })
        .toList();
  }
}
