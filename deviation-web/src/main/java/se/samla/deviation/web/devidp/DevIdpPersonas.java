package se.samla.deviation.web.devidp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * DEVELOPMENT ONLY: the personas of the development IdP, in the order shown. They are the demo
 * landscape's people and come with it, as data, from the laptop module (deviation-laptop, on the
 * class path at runtime), which gives them their appointments; this class reads only the file.
 */
@Component
@ConditionalOnProperty(name = DevIdpGuard.ENABLED, havingValue = "true")
class DevIdpPersonas {

  static final String RESOURCE = "demo/login-personas.yml";

  private final List<Persona> personas;

  DevIdpPersonas() throws IOException {
    ClassPathResource resource = new ClassPathResource(RESOURCE);
    if (!resource.exists()) {
      throw new IllegalStateException(
          "The development IdP needs "
              + RESOURCE
              + " from deviation-laptop on the class path; run the application, not the web"
              + " module alone.");
    }
    try (InputStream in = resource.getInputStream()) {
      personas =
          List.copyOf(
              new ObjectMapper(new YAMLFactory())
                  .readValue(in, new TypeReference<List<Persona>>() {}));
    }
  }

  List<Persona> all() {
    return personas;
  }

  Optional<Persona> byHsaId(String hsaId) {
    return personas.stream().filter(p -> p.hsaId().equals(hsaId)).findFirst();
  }
}
