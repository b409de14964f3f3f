package se.samla.deviation.core.common.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

  record SomeCommand(String title, String body, Set<String> tags, Long expectedVersion) {}

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Vanlig text, med å, ä och ö.",
        "Rad ett\nrad två",
        "Rad ett\r\nrad två\r\n",
        "Kolumn\tkolumn",
        "Emoji 💊 och ‰",
        ""
      })
  void textAPersonCanTypeIsPlain(String text) {
    assertThat(PlainText.isPlain(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NUL \u0000 i texten",
        "klocka \u0007",
        "escape \u001B[31m",
        "ensam vagnretur \r utan radbrytning",
        "vagnretur sist \r",
        "delete \u007F",
        "C1 \u0085"
      })
  void controlCharactersAreNot(String text) {
    assertThat(PlainText.isPlain(text)).isFalse();
  }

  @Test
  void nullIsPlain() {
    assertThat(PlainText.isPlain(null)).isTrue();
  }

  @Test
  void namesEveryTextComponentOfACommandThatIsNotPlain() {
    List<FieldError> errors =
        PlainText.violations(new SomeCommand("ok", "fel\u0000", Set.of("ok", "\u001Bfel"), 3L));

    assertThat(errors).extracting(FieldError::field).containsExactly("body", "tags");
    assertThat(errors).extracting(FieldError::code).containsOnly(PlainText.CODE);
    assertThat(errors.toString()).doesNotContain("fel");
  }

  @Test
  void aPlainCommandHasNoViolations() {
    assertThat(PlainText.violations(new SomeCommand("ok", "rad\r\nrad", Set.of(), null))).isEmpty();
  }
}
