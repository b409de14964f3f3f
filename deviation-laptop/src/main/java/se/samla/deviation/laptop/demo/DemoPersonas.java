package se.samla.deviation.laptop.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo people a developer can log in as on the development identity provider's persona page,
 * read from {@value #RESOURCE} (which the development IdP in deviation-web reads too). The demo
 * data gives them the appointments their role needs (the administrator's rights come from {@code
 * deviation.security.bootstrap-admins}).
 */
final class DemoPersonas {

  static final String RESOURCE = "demo/login-personas.yml";

  /**
   * A demo person as the development identity provider presents and asserts them.
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

  /** The personas offered on the persona page, in the order shown. */
  static final List<Persona> LOGIN_PERSONAS = load();

  static final Persona REPORTER_MEDICIN_1 = byHsaId("SE0000000001-P0101");
  static final Persona HANDLER_MEDICIN_1 = byHsaId("SE0000000001-P0201");
  static final Persona HANDLER_HEMSJUKVARD_ALINGSAS = byHsaId("SE0000000002-P0201");
  static final Persona MAS_ALINGSAS = byHsaId("SE0000000002-P0301");

  /** HSA-id only: administrator rights come from configuration, not from the demo data. */
  static final Persona ADMINISTRATOR = byHsaId("SE0000000001-A0001");

  private DemoPersonas() {}

  private static List<Persona> load() {
    try (InputStream in = DemoPersonas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo personas " + RESOURCE + " not on the class path");
      }
      return List.copyOf(
          new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Persona>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read demo personas " + RESOURCE, e);
    }
  }

  private static Persona byHsaId(String hsaId) {
    return LOGIN_PERSONAS.stream()
        .filter(p -> p.hsaId().equals(hsaId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no persona " + hsaId));
  }
}
