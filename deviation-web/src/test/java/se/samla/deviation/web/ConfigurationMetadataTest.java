package se.samla.deviation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every {@code deviation.*} and {@code medcontrol.*} property in the README's configuration tables
 * has configuration metadata, so an IDE completes and explains it. A property read without a
 * properties record (a placeholder, {@code @ConditionalOnProperty}) needs an entry in its module's
 * {@code META-INF/additional-spring-configuration-metadata.json}.
 */
class ConfigurationMetadataTest {

  private static final Pattern ROW = Pattern.compile("^\\| (`(?:deviation|medcontrol)\\.[^|]*)\\|");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void everyDocumentedPropertyHasMetadata() throws IOException {
    Set<String> described = metadataNames();
    List<String> documented = documentedProperties(Path.of("..", "README.md"));

    assertThat(documented).hasSizeGreaterThan(40);
    assertThat(documented).allSatisfy(name -> assertThat(described).contains(name));
  }

  private static Set<String> metadataNames() throws IOException {
    Set<String> names = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Resource metadata :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
      try (InputStream in = metadata.getInputStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          names.add(property.path("name").asText());
        }
      }
    }
    return names;
  }

  /** Table rows name one property, or several: {@code `a.b.c`, `.d`} or {@code `…d`} for a.b.d. */
  static List<String> documentedProperties(Path readme) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(readme)) {
      Matcher row = ROW.matcher(line);
      if (!row.find()) {
        continue;
      }
      Matcher code = CODE.matcher(row.group(1));
      String first = null;
      while (code.find()) {
        String token = code.group(1).replaceAll("\\.<[^>]+>$", "");
        if (first == null) {
          first = token;
          names.add(token);
        } else if (token.startsWith(".") || token.startsWith("…")) {
          String parent = first.substring(0, first.lastIndexOf('.') + 1);
          names.add(parent + token.replaceFirst("^[.…]", ""));
        } else {
          names.add(token);
        }
      }
    }
    return names;
  }
}
