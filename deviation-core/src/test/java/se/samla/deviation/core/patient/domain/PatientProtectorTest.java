package se.samla.deviation.core.patient.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static se.samla.deviation.core.fixtures.TestPatients.ADULT;
import static se.samla.deviation.core.fixtures.TestPatients.TODAY;
import static se.samla.deviation.core.fixtures.TestPatients.testKeyBytes;

import java.util.Arrays;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PatientProtectorTest {

  private static final PersonalIdentityNumber PIN = PersonalIdentityNumber.parse(ADULT, TODAY);

  private final PatientPseudonymizer pseudonymizer = new PatientPseudonymizer(testKeyBytes(2));
  private final PatientProtector protector =
      new PatientProtector(
          new PatientDataCipher(Map.of("k1", new SecretKeySpec(testKeyBytes(1), "AES")), "k1"),
          pseudonymizer);

  @Test
  void protectAndRevealRoundTrip() {
    ProtectedPatient stored = protector.protect(PIN);

    assertThat(protector.reveal(stored)).isEqualTo(PIN);
  }

  @Test
  void protectedPatientCarriesThePseudonym() {
    ProtectedPatient stored = protector.protect(PIN);

    assertThat(stored.pseudonym()).isEqualTo(pseudonymizer.pseudonymize(PIN));
    assertThat(protector.pseudonymOf(PIN)).isEqualTo(stored.pseudonym());
  }

  @Test
  void protectingTwiceGivesDifferentCiphertextButTheSamePseudonym() {
    ProtectedPatient first = protector.protect(PIN);
    ProtectedPatient second = protector.protect(PIN);

    assertThat(first.pseudonym()).isEqualTo(second.pseudonym());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void protectedPatientEqualityComparesTheBytes() {
    ProtectedPatient stored = protector.protect(PIN);
    ProtectedPatient copy = new ProtectedPatient(stored.ciphertext(), stored.pseudonym());

    assertThat(copy).isEqualTo(stored).hasSameHashCodeAs(stored);
  }

  @Test
  void protectedPatientDefendsItsBytes() {
    ProtectedPatient stored = protector.protect(PIN);
    byte[] leaked = stored.ciphertext();
    Arrays.fill(leaked, (byte) 0);

    assertThat(protector.reveal(stored)).isEqualTo(PIN);
  }

  @Test
  void protectedPatientToStringShowsOnlyAPseudonymPrefix() {
    ProtectedPatient stored = protector.protect(PIN);

    assertThat(stored.toString())
        .isEqualTo("ProtectedPatient[pseudonym=" + stored.pseudonym().substring(0, 8) + "…]")
        .doesNotContain(stored.pseudonym())
        .doesNotContain(Arrays.toString(stored.ciphertext()))
        .doesNotContain(ADULT.substring(9));
  }

  @Test
  void protectedPatientRejectsMalformedValues() {
    String pseudonym = "a".repeat(64);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProtectedPatient(new byte[0], pseudonym));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProtectedPatient(new byte[] {1}, "A".repeat(64)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ProtectedPatient(new byte[] {1}, "a".repeat(63)));
  }
}
