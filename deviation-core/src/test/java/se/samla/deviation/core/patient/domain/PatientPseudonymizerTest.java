package se.samla.deviation.core.patient.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static se.samla.deviation.core.fixtures.TestPatients.ADULT;
import static se.samla.deviation.core.fixtures.TestPatients.TODAY;
import static se.samla.deviation.core.fixtures.TestPatients.TOLVAN_TOLVANSSON;
import static se.samla.deviation.core.fixtures.TestPatients.testKeyBytes;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PatientPseudonymizerTest {

  private static final PersonalIdentityNumber ADULT_PIN =
      PersonalIdentityNumber.parse(ADULT, TODAY);

  private final PatientPseudonymizer pseudonymizer = new PatientPseudonymizer(testKeyBytes(7));

  @Test
  void isStableForTheSameNumberHoweverItWasWritten() {
    PersonalIdentityNumber twelve = PersonalIdentityNumber.parse(TOLVAN_TOLVANSSON, TODAY);
    PersonalIdentityNumber ten = PersonalIdentityNumber.parse("121212+1212", TODAY);

    assertThat(pseudonymizer.pseudonymize(ten)).isEqualTo(pseudonymizer.pseudonymize(twelve));
    assertThat(new PatientPseudonymizer(testKeyBytes(7)).pseudonymize(twelve))
        .isEqualTo(pseudonymizer.pseudonymize(twelve));
  }

  @Test
  void differsBetweenPatients() {
    PersonalIdentityNumber tolvan = PersonalIdentityNumber.parse(TOLVAN_TOLVANSSON, TODAY);

    assertThat(pseudonymizer.pseudonymize(ADULT_PIN))
        .isNotEqualTo(pseudonymizer.pseudonymize(tolvan));
  }

  @Test
  void dependsOnTheKey() {
    assertThat(new PatientPseudonymizer(testKeyBytes(8)).pseudonymize(ADULT_PIN))
        .isNotEqualTo(pseudonymizer.pseudonymize(ADULT_PIN));
  }

  @Test
  void isHmacSha256OfTheNormalizedNumberAsLowercaseHex() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(testKeyBytes(7), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal(ADULT_PIN.normalized().getBytes(StandardCharsets.US_ASCII)));

    assertThat(pseudonymizer.pseudonymize(ADULT_PIN))
        .isEqualTo(expected)
        .hasSize(64)
        .matches("[0-9a-f]{64}");
  }

  @Test
  void doesNotContainTheNumber() {
    String pseudonym = pseudonymizer.pseudonymize(ADULT_PIN);

    assertThat(pseudonym)
        .doesNotContain(ADULT_PIN.normalized())
        .doesNotContain(ADULT_PIN.normalized().substring(2))
        .doesNotContain(ADULT.substring(9));
  }

  @Test
  void keyIsCopiedSoLaterChangesToTheArrayDoNotMatter() {
    byte[] key = testKeyBytes(7);
    PatientPseudonymizer fromArray = new PatientPseudonymizer(key);
    key[0] ^= 1;

    assertThat(fromArray.pseudonymize(ADULT_PIN)).isEqualTo(pseudonymizer.pseudonymize(ADULT_PIN));
  }

  @Test
  void keyMustBeAtLeast32Bytes() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PatientPseudonymizer(new byte[31]));
    assertThat(new PatientPseudonymizer(new byte[64]).pseudonymize(ADULT_PIN)).hasSize(64);
  }
}
