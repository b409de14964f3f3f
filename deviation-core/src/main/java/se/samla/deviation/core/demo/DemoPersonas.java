package se.samla.deviation.core.demo;

import java.util.List;

/**
 * The demo people a developer can log in as on the development identity provider's persona page.
 * Their HSA-ids are fixed and documented here; the demo data gives them the appointments their role
 * needs (the administrator's rights come from {@code deviation.security.bootstrap-admins}).
 *
 * <table>
 *   <caption>Login personas</caption>
 *   <tr><th>HSA-id</th><th>Name</th><th>Role</th><th>Unit</th></tr>
 *   <tr><td>SE0000000001-P0101</td><td>Sofia Lindqvist</td><td>reporter</td>
 *       <td>Alingsås lasarett medicinavdelning 1</td></tr>
 *   <tr><td>SE0000000001-P0201</td><td>Anders Berg</td><td>case handler</td>
 *       <td>Alingsås lasarett medicinavdelning 1</td></tr>
 *   <tr><td>SE0000000002-P0201</td><td>Karin Johansson</td><td>case handler</td>
 *       <td>Hemsjukvården Alingsås</td></tr>
 *   <tr><td>SE0000000002-P0301</td><td>Eva Nilsson</td><td>coordinator (MAS)</td>
 *       <td>Alingsås kommun</td></tr>
 *   <tr><td>SE0000000001-A0001</td><td>Tove Lindahl</td><td>administrator</td>
 *       <td>Region Västra Götaland</td></tr>
 * </table>
 */
public final class DemoPersonas {

  /**
   * A demo person as the development identity provider presents and asserts them.
   *
   * @param role a short Swedish description for the persona page
   */
  public record Persona(
      String hsaId,
      String givenName,
      String surname,
      String title,
      String role,
      String unitHsaId,
      String unitName,
      String organisationHsaId,
      String organisationName,
      String email) {

    public String name() {
      return givenName + " " + surname;
    }
  }

  public static final Persona REPORTER_MEDICIN_1 =
      new Persona(
          "SE0000000001-P0101",
          "Sofia",
          "Lindqvist",
          "Sjuksköterska",
          "Rapportör",
          DemoLandscape.MEDICIN_1,
          "Alingsås lasarett medicinavdelning 1",
          DemoLandscape.REGION,
          "Region Västra Götaland",
          "sofia.lindqvist@region.demo.example");

  public static final Persona HANDLER_MEDICIN_1 =
      new Persona(
          "SE0000000001-P0201",
          "Anders",
          "Berg",
          "Vårdenhetschef",
          "Handläggare",
          DemoLandscape.MEDICIN_1,
          "Alingsås lasarett medicinavdelning 1",
          DemoLandscape.REGION,
          "Region Västra Götaland",
          "anders.berg@region.demo.example");

  public static final Persona HANDLER_HEMSJUKVARD_ALINGSAS =
      new Persona(
          "SE0000000002-P0201",
          "Karin",
          "Johansson",
          "Enhetschef",
          "Handläggare",
          DemoLandscape.HEMSJUKVARD_ALINGSAS,
          "Hemsjukvården Alingsås",
          DemoLandscape.ALINGSAS_KOMMUN,
          "Alingsås kommun",
          "karin.johansson@alingsas.demo.example");

  public static final Persona MAS_ALINGSAS =
      new Persona(
          "SE0000000002-P0301",
          "Eva",
          "Nilsson",
          "Medicinskt ansvarig sjuksköterska (MAS)",
          "Samordnare (MAS)",
          DemoLandscape.HEMSJUKVARD_ALINGSAS,
          "Hemsjukvården Alingsås",
          DemoLandscape.ALINGSAS_KOMMUN,
          "Alingsås kommun",
          "eva.nilsson@alingsas.demo.example");

  /** HSA-id only: administrator rights come from configuration, not from the demo data. */
  public static final Persona ADMINISTRATOR =
      new Persona(
          "SE0000000001-A0001",
          "Tove",
          "Lindahl",
          "Systemförvaltare",
          "Administratör",
          DemoLandscape.MEDICIN_1,
          "Alingsås lasarett medicinavdelning 1",
          DemoLandscape.REGION,
          "Region Västra Götaland",
          "tove.lindahl@region.demo.example");

  /** The personas offered on the persona page, in the order shown. */
  public static final List<Persona> LOGIN_PERSONAS =
      List.of(
          REPORTER_MEDICIN_1,
          HANDLER_MEDICIN_1,
          HANDLER_HEMSJUKVARD_ALINGSAS,
          MAS_ALINGSAS,
          ADMINISTRATOR);

  private DemoPersonas() {}
}
