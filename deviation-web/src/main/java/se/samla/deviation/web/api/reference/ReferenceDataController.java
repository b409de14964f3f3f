package se.samla.deviation.web.api.reference;

import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.organisation.application.ReferenceData;
import se.samla.deviation.core.organisation.domain.OrganisationKind;

/** Units that can receive deviations, and the categories, for pickers. */
@RestController
@RequestMapping("/api/v1")
class ReferenceDataController {

  /** A unit as pickers show it. */
  record UnitResponse(String hsaId, String name, OrganisationRef organisation, boolean active) {}

  record OrganisationRef(String hsaId, String name, OrganisationKind kind) {}

  record CategoryResponse(String code, String label, boolean active) {}

  private final ReferenceData referenceData;

  ReferenceDataController(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  @GetMapping("/units")
  List<UnitResponse> units(
      Actor actor,
      @RequestParam(required = false) String query,
      @RequestParam(required = false) String organisation) {
    return referenceData.searchUnits(query, organisation).stream()
        .map(
            u ->
                new UnitResponse(
                    u.hsaId(),
                    u.name(),
                    new OrganisationRef(
                        u.organisationHsaId(), u.organisationName(), u.organisationKind()),
                    u.active()))
        .toList();
  }

  /** Labels in the request's language (Accept-Language), Swedish by default. */
  @GetMapping("/categories")
  List<CategoryResponse> categories(Actor actor, Locale locale) {
    return referenceData.categories(locale).stream()
        .map(c -> new CategoryResponse(c.code(), c.label(), c.active()))
        .toList();
  }
}
