package se.samla.deviation.web.devidp;

/**
 * DEVELOPMENT ONLY: a demo person as the development identity provider presents and asserts them.
 *
 * @param role a short Swedish description for the persona page
 */
record Persona(
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

  String name() {
    return givenName + " " + surname;
  }
}
