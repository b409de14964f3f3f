package se.samla.deviation.laptop.demo;

import java.util.List;
import java.util.Map;
import se.samla.deviation.core.organisation.domain.OrganisationKind;

/**
 * The fictional care landscape of the demo data: Region Västra Götaland, Alingsås and Lerum
 * municipalities and one private provider in the SAMLA sub-region, their units and the people who
 * work there.
 *
 * <p>Every HSA-id uses an obviously fictional organisation number {@code 000000000N} (1 = the
 * region, 2 = Alingsås kommun, 3 = Lerums kommun, 4 = Vårdbolaget Omsorg AB), never a real one.
 * Local parts: {@code ORG} for the organisation, a short mnemonic for units, {@code P01xx} for
 * reporters, {@code P02xx} for case handlers, {@code P03xx} for coordinators, {@code A0001} for the
 * administrator. E-mail addresses use the reserved {@code .example} domain.
 */
final class DemoLandscape {

  static final String REGION = "SE0000000001-ORG";
  static final String ALINGSAS_KOMMUN = "SE0000000002-ORG";
  static final String LERUMS_KOMMUN = "SE0000000003-ORG";
  static final String VARDBOLAGET = "SE0000000004-ORG";

  static final String MEDICIN_1 = "SE0000000001-MED1";
  static final String MEDICIN_2 = "SE0000000001-MED2";
  static final String AKUTMOTTAGNING = "SE0000000001-AKUT";
  static final String VARDCENTRAL_ALINGSAS = "SE0000000001-VCALI";
  static final String VARDCENTRAL_LERUM = "SE0000000001-VCLER";
  static final String VUXENPSYKIATRI = "SE0000000001-VPSY";
  static final String HEMSJUKVARD_ALINGSAS = "SE0000000002-HSJV";
  static final String KORTTID_ALINGSAS = "SE0000000002-KORT";
  static final String ALDREBOENDE_ALINGSAS = "SE0000000002-ALDR";
  static final String HEMSJUKVARD_LERUM = "SE0000000003-HSJV";
  static final String KORTTID_LERUM = "SE0000000003-KORT";
  static final String ALDREBOENDE_LERUM = "SE0000000003-ALDR";
  static final String VARDBOLAGET_VARDCENTRAL = "SE0000000004-VC01";

  private DemoLandscape() {}

  /** What a unit does; the description templates say which kinds report to which. */
  enum UnitType {
    WARD,
    EMERGENCY,
    PRIMARY_CARE,
    PSYCHIATRY,
    HOME_CARE,
    SHORT_TERM,
    ELDERLY_HOUSING
  }

  /** Which municipality's inhabitants a unit serves; the hospital and psychiatry serve both. */
  enum Area {
    ALINGSAS,
    LERUM,
    BOTH;

    boolean serves(Area area) {
      return this == BOTH || area == BOTH || this == area;
    }
  }

  record DemoOrganisation(String hsaId, String name, OrganisationKind kind, String mailDomain) {}

  record DemoUnit(String hsaId, String name, String organisationHsaId, UnitType type, Area area) {}

  record DemoPerson(String hsaId, String givenName, String surname, String title) {
    String name() {
      return givenName + " " + surname;
    }
  }

  static final List<DemoOrganisation> ORGANISATIONS =
      List.of(
          new DemoOrganisation(
              REGION, "Region Västra Götaland", OrganisationKind.REGION, "region.demo.example"),
          new DemoOrganisation(
              ALINGSAS_KOMMUN,
              "Alingsås kommun",
              OrganisationKind.MUNICIPALITY,
              "alingsas.demo.example"),
          new DemoOrganisation(
              LERUMS_KOMMUN, "Lerums kommun", OrganisationKind.MUNICIPALITY, "lerum.demo.example"),
          new DemoOrganisation(
              VARDBOLAGET,
              "Vårdbolaget Omsorg AB",
              OrganisationKind.PRIVATE,
              "vardbolaget.demo.example"));

  static final List<DemoUnit> UNITS =
      List.of(
          new DemoUnit(
              MEDICIN_1, "Alingsås lasarett medicinavdelning 1", REGION, UnitType.WARD, Area.BOTH),
          new DemoUnit(
              MEDICIN_2, "Alingsås lasarett medicinavdelning 2", REGION, UnitType.WARD, Area.BOTH),
          new DemoUnit(
              AKUTMOTTAGNING,
              "Alingsås lasarett akutmottagning",
              REGION,
              UnitType.EMERGENCY,
              Area.BOTH),
          new DemoUnit(
              VARDCENTRAL_ALINGSAS,
              "Närhälsan Alingsås vårdcentral",
              REGION,
              UnitType.PRIMARY_CARE,
              Area.ALINGSAS),
          new DemoUnit(
              VARDCENTRAL_LERUM,
              "Närhälsan Lerum vårdcentral",
              REGION,
              UnitType.PRIMARY_CARE,
              Area.LERUM),
          new DemoUnit(
              VUXENPSYKIATRI, "Vuxenpsykiatrin Alingsås", REGION, UnitType.PSYCHIATRY, Area.BOTH),
          new DemoUnit(
              HEMSJUKVARD_ALINGSAS,
              "Hemsjukvården Alingsås",
              ALINGSAS_KOMMUN,
              UnitType.HOME_CARE,
              Area.ALINGSAS),
          new DemoUnit(
              KORTTID_ALINGSAS,
              "Korttidsboendet Alingsås",
              ALINGSAS_KOMMUN,
              UnitType.SHORT_TERM,
              Area.ALINGSAS),
          new DemoUnit(
              ALDREBOENDE_ALINGSAS,
              "Äldreboendet Alingsås",
              ALINGSAS_KOMMUN,
              UnitType.ELDERLY_HOUSING,
              Area.ALINGSAS),
          new DemoUnit(
              HEMSJUKVARD_LERUM,
              "Hemsjukvården Lerum",
              LERUMS_KOMMUN,
              UnitType.HOME_CARE,
              Area.LERUM),
          new DemoUnit(
              KORTTID_LERUM,
              "Korttidsboendet Lerum",
              LERUMS_KOMMUN,
              UnitType.SHORT_TERM,
              Area.LERUM),
          new DemoUnit(
              ALDREBOENDE_LERUM,
              "Äldreboendet Lerum",
              LERUMS_KOMMUN,
              UnitType.ELDERLY_HOUSING,
              Area.LERUM),
          new DemoUnit(
              VARDBOLAGET_VARDCENTRAL,
              "Vårdbolaget Omsorg vårdcentral Alingsås",
              VARDBOLAGET,
              UnitType.PRIMARY_CARE,
              Area.ALINGSAS));

  /** Case handlers by unit: every unit receives deviations, so every unit has at least one. */
  static final Map<String, List<DemoPerson>> HANDLERS =
      Map.ofEntries(
          Map.entry(
              MEDICIN_1,
              List.of(
                  person(DemoPersonas.HANDLER_MEDICIN_1),
                  new DemoPerson("SE0000000001-P0202", "Lena", "Holm", "Vårdenhetschef"))),
          Map.entry(
              MEDICIN_2,
              List.of(new DemoPerson("SE0000000001-P0203", "Johan", "Sandberg", "Vårdenhetschef"))),
          Map.entry(
              AKUTMOTTAGNING,
              List.of(new DemoPerson("SE0000000001-P0204", "Cecilia", "Ström", "Vårdenhetschef"))),
          Map.entry(
              VARDCENTRAL_ALINGSAS,
              List.of(new DemoPerson("SE0000000001-P0205", "Per", "Lundgren", "Verksamhetschef"))),
          Map.entry(
              VARDCENTRAL_LERUM,
              List.of(
                  new DemoPerson("SE0000000001-P0206", "Helena", "Forsberg", "Verksamhetschef"))),
          Map.entry(
              VUXENPSYKIATRI,
              List.of(
                  new DemoPerson(
                      "SE0000000001-P0207", "Mikael", "Engström", "Kvalitetssamordnare"))),
          Map.entry(
              HEMSJUKVARD_ALINGSAS,
              List.of(
                  person(DemoPersonas.HANDLER_HEMSJUKVARD_ALINGSAS),
                  new DemoPerson("SE0000000002-P0202", "Ahmed", "Hassan", "Enhetschef"))),
          Map.entry(
              KORTTID_ALINGSAS,
              List.of(new DemoPerson("SE0000000002-P0203", "Birgitta", "Olsson", "Enhetschef"))),
          Map.entry(
              ALDREBOENDE_ALINGSAS,
              List.of(new DemoPerson("SE0000000002-P0204", "Sanna", "Wikström", "Enhetschef"))),
          Map.entry(
              HEMSJUKVARD_LERUM,
              List.of(new DemoPerson("SE0000000003-P0201", "Jonas", "Bergqvist", "Enhetschef"))),
          Map.entry(
              KORTTID_LERUM,
              List.of(new DemoPerson("SE0000000003-P0202", "Linnea", "Dahl", "Enhetschef"))),
          Map.entry(
              ALDREBOENDE_LERUM,
              List.of(new DemoPerson("SE0000000003-P0203", "Maja", "Lindberg", "Enhetschef"))),
          Map.entry(
              VARDBOLAGET_VARDCENTRAL,
              List.of(new DemoPerson("SE0000000004-P0201", "Oskar", "Nyberg", "Verksamhetschef"))));

  /** Coordinators by organisation: the MAS of each municipality and one for the others. */
  static final Map<String, DemoPerson> COORDINATORS =
      Map.of(
          REGION,
          new DemoPerson("SE0000000001-P0301", "Ulrika", "Svensson", "Avvikelsesamordnare"),
          ALINGSAS_KOMMUN,
          person(DemoPersonas.MAS_ALINGSAS),
          LERUMS_KOMMUN,
          new DemoPerson(
              "SE0000000003-P0301",
              "Gunilla",
              "Persson",
              "Medicinskt ansvarig sjuksköterska (MAS)"),
          VARDBOLAGET,
          new DemoPerson("SE0000000004-P0301", "Henrik", "Larsson", "Medicinskt ledningsansvarig"));

  /** People who report, by unit. */
  static final Map<String, List<DemoPerson>> REPORTERS =
      Map.ofEntries(
          Map.entry(
              MEDICIN_1,
              List.of(
                  person(DemoPersonas.REPORTER_MEDICIN_1),
                  new DemoPerson("SE0000000001-P0102", "Erik", "Andersson", "Undersköterska"))),
          Map.entry(
              MEDICIN_2,
              List.of(
                  new DemoPerson("SE0000000001-P0103", "Emma", "Karlsson", "Sjuksköterska"),
                  new DemoPerson("SE0000000001-P0104", "David", "Eriksson", "Läkare"))),
          Map.entry(
              AKUTMOTTAGNING,
              List.of(
                  new DemoPerson("SE0000000001-P0105", "Sara", "Jonsson", "Sjuksköterska"),
                  new DemoPerson("SE0000000001-P0106", "Oscar", "Gustafsson", "Läkare"))),
          Map.entry(
              VARDCENTRAL_ALINGSAS,
              List.of(
                  new DemoPerson(
                      "SE0000000001-P0107", "Ingrid", "Pettersson", "Distriktssköterska"),
                  new DemoPerson("SE0000000001-P0108", "Magnus", "Axelsson", "Läkare"))),
          Map.entry(
              VARDCENTRAL_LERUM,
              List.of(
                  new DemoPerson("SE0000000001-P0109", "Elin", "Sjöberg", "Distriktssköterska"),
                  new DemoPerson("SE0000000001-P0110", "Jakob", "Hedlund", "Läkare"))),
          Map.entry(
              VUXENPSYKIATRI,
              List.of(
                  new DemoPerson("SE0000000001-P0111", "Nora", "Isaksson", "Kurator"),
                  new DemoPerson("SE0000000001-P0112", "Viktor", "Lund", "Sjuksköterska"))),
          Map.entry(
              HEMSJUKVARD_ALINGSAS,
              List.of(
                  new DemoPerson("SE0000000002-P0101", "Anna", "Magnusson", "Sjuksköterska"),
                  new DemoPerson("SE0000000002-P0102", "Peter", "Åberg", "Sjuksköterska"))),
          Map.entry(
              KORTTID_ALINGSAS,
              List.of(
                  new DemoPerson("SE0000000002-P0103", "Malin", "Blom", "Sjuksköterska"),
                  new DemoPerson("SE0000000002-P0104", "Hanna", "Ek", "Undersköterska"))),
          Map.entry(
              ALDREBOENDE_ALINGSAS,
              List.of(
                  new DemoPerson("SE0000000002-P0105", "Marie", "Fransson", "Sjuksköterska"),
                  new DemoPerson("SE0000000002-P0106", "Amir", "Rahimi", "Undersköterska"))),
          Map.entry(
              HEMSJUKVARD_LERUM,
              List.of(
                  new DemoPerson("SE0000000003-P0101", "Johanna", "Lindgren", "Sjuksköterska"),
                  new DemoPerson("SE0000000003-P0102", "Fredrik", "Sundberg", "Sjuksköterska"))),
          Map.entry(
              KORTTID_LERUM,
              List.of(
                  new DemoPerson("SE0000000003-P0103", "Camilla", "Norberg", "Sjuksköterska"),
                  new DemoPerson("SE0000000003-P0104", "Tobias", "Hellström", "Arbetsterapeut"))),
          Map.entry(
              ALDREBOENDE_LERUM,
              List.of(
                  new DemoPerson("SE0000000003-P0105", "Ida", "Wallin", "Sjuksköterska"),
                  new DemoPerson("SE0000000003-P0106", "Rasmus", "Berglund", "Undersköterska"))),
          Map.entry(
              VARDBOLAGET_VARDCENTRAL,
              List.of(
                  new DemoPerson("SE0000000004-P0101", "Louise", "Håkansson", "Distriktssköterska"),
                  new DemoPerson("SE0000000004-P0102", "Martin", "Lindström", "Läkare"))));

  static DemoOrganisation organisation(String hsaId) {
    return ORGANISATIONS.stream()
        .filter(o -> o.hsaId().equals(hsaId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo organisation " + hsaId));
  }

  static DemoUnit unit(String hsaId) {
    return UNITS.stream()
        .filter(u -> u.hsaId().equals(hsaId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo unit " + hsaId));
  }

  static String email(DemoPerson person, String organisationHsaId) {
    String local =
        java.text.Normalizer.normalize(
                (person.givenName() + "." + person.surname()).toLowerCase(java.util.Locale.ROOT),
                java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace(' ', '.');
    return local + "@" + organisation(organisationHsaId).mailDomain();
  }

  private static DemoPerson person(DemoPersonas.Persona persona) {
    return new DemoPerson(persona.hsaId(), persona.givenName(), persona.surname(), persona.title());
  }
}
