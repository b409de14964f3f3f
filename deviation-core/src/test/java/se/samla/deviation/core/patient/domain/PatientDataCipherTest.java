package se.samla.deviation.core.patient.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samla.deviation.core.fixtures.TestPatients.ADULT;
import static se.samla.deviation.core.fixtures.TestPatients.COORDINATION_NUMBER;
import static se.samla.deviation.core.fixtures.TestPatients.TODAY;
import static se.samla.deviation.core.fixtures.TestPatients.testKeyBytes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PatientDataCipherTest {

  private static final PersonalIdentityNumber PIN = PersonalIdentityNumber.parse(ADULT, TODAY);

  private static SecretKey key(int seed) {
    return new SecretKeySpec(testKeyBytes(seed), "AES");
  }

  private static PatientDataCipher ring(String activeKeyId, String... keyIds) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String id : keyIds) {
      keys.put(id, key(id.hashCode()));
    }
    return new PatientDataCipher(keys, activeKeyId);
  }

  private final PatientDataCipher cipher = ring("k1", "k1");

  @Test
  void roundTrip() {
    assertThat(cipher.decrypt(cipher.encrypt(PIN))).isEqualTo(PIN);
  }

  @Test
  void roundTripKeepsSamordningsnummer() {
    PersonalIdentityNumber coordination = PersonalIdentityNumber.parse(COORDINATION_NUMBER, TODAY);

    PersonalIdentityNumber decrypted = cipher.decrypt(cipher.encrypt(coordination));

    assertThat(decrypted).isEqualTo(coordination);
    assertThat(decrypted.isCoordinationNumber()).isTrue();
  }

  @Test
  void decryptDoesNotRejectBirthDatesAfterToday() {
    // Stored data was checked when it was parsed; reading it back must not depend on the clock.
    String nine = "991231984";
    PersonalIdentityNumber stored =
        PersonalIdentityNumber.ofNormalized(
            "29" + nine + PersonalIdentityNumber.luhnCheckDigit(nine));

    assertThat(cipher.decrypt(cipher.encrypt(stored))).isEqualTo(stored);
  }

  @Test
  void hasTheSelfDescribingFormat() {
    byte[] data = cipher.encrypt(PIN);

    assertThat(data[0]).isEqualTo((byte) 1);
    assertThat(data[1]).isEqualTo((byte) 2);
    assertThat(new String(data, 2, 2, StandardCharsets.UTF_8)).isEqualTo("k1");
    // version + length + "k1" + 12-byte IV + 12 digits + 16-byte tag
    assertThat(data).hasSize(1 + 1 + 2 + 12 + 12 + 16);
  }

  @Test
  void doesNotContainTheNumberInClear() {
    byte[] data = cipher.encrypt(PIN);
    String asText = new String(data, StandardCharsets.ISO_8859_1);

    assertThat(asText).doesNotContain(PIN.normalized()).doesNotContain(ADULT.substring(9));
  }

  @Test
  void everyEncryptionUsesAFreshIv() {
    Set<String> ivs = new HashSet<>();
    Set<String> ciphertexts = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      byte[] data = cipher.encrypt(PIN);
      ivs.add(Arrays.toString(Arrays.copyOfRange(data, 4, 16)));
      ciphertexts.add(Arrays.toString(data));
    }

    assertThat(ivs).hasSize(50);
    assertThat(ciphertexts).hasSize(50);
  }

  @Nested
  class Tampering {

    @Test
    void anyFlippedByteFails() {
      byte[] data = cipher.encrypt(PIN);
      for (int i = 0; i < data.length; i++) {
        byte[] tampered = data.clone();
        tampered[i] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(tampered))
            .isInstanceOf(PatientDataCryptoException.class);
      }
    }

    @Test
    void aFlippedIvCiphertextOrTagByteFailsAuthentication() {
      byte[] data = cipher.encrypt(PIN);
      for (int i = 4; i < data.length; i++) {
        byte[] tampered = data.clone();
        tampered[i] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(tampered))
            .isInstanceOf(PatientDataCryptoException.class)
            .hasMessageContaining("failed authentication")
            .hasMessageNotContaining(PIN.normalized());
      }
    }

    @Test
    void truncatedDataFails() {
      byte[] data = cipher.encrypt(PIN);

      assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(data, data.length - 1)))
          .isInstanceOf(PatientDataCryptoException.class);
      assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(data, 20)))
          .isInstanceOf(PatientDataCryptoException.class)
          .hasMessageContaining("truncated");
      assertThatThrownBy(() -> cipher.decrypt(new byte[0]))
          .isInstanceOf(PatientDataCryptoException.class);
    }

    @Test
    void unknownFormatVersionFails() {
      byte[] data = cipher.encrypt(PIN);
      data[0] = 2;

      assertThatThrownBy(() -> cipher.decrypt(data))
          .isInstanceOf(PatientDataCryptoException.class)
          .hasMessageContaining("format version 2");
    }

    @Test
    void sameKeyIdWithDifferentKeyMaterialFails() {
      byte[] data = cipher.encrypt(PIN);
      PatientDataCipher impostor = new PatientDataCipher(Map.of("k1", key(99)), "k1");

      assertThatThrownBy(() -> impostor.decrypt(data))
          .isInstanceOf(PatientDataCryptoException.class)
          .hasMessageContaining("failed authentication")
          .hasNoCause();
    }
  }

  @Nested
  class KeyRotation {

    private final PatientDataCipher before = ring("k1", "k1");
    private final byte[] oldData = before.encrypt(PIN);
    private final PatientDataCipher after = ring("k2", "k1", "k2");

    @Test
    void newRingStillReadsDataEncryptedWithTheOldKey() {
      assertThat(after.keyIdOf(oldData)).isEqualTo("k1");
      assertThat(after.isEncryptedWithActiveKey(oldData)).isFalse();
      assertThat(after.decrypt(oldData)).isEqualTo(PIN);
    }

    @Test
    void newDataUsesTheActiveKey() {
      byte[] data = after.encrypt(PIN);

      assertThat(after.keyIdOf(data)).isEqualTo("k2");
      assertThat(after.isEncryptedWithActiveKey(data)).isTrue();
    }

    @Test
    void reencryptMovesDataToTheActiveKey() {
      byte[] moved = after.reencrypt(oldData);

      assertThat(after.keyIdOf(moved)).isEqualTo("k2");
      assertThat(after.isEncryptedWithActiveKey(moved)).isTrue();
      assertThat(after.decrypt(moved)).isEqualTo(PIN);
    }

    @Test
    void onceTheOldKeyIsRemovedOnlyReencryptedDataIsReadable() {
      byte[] moved = after.reencrypt(oldData);
      PatientDataCipher retired = ring("k2", "k2");

      assertThat(retired.decrypt(moved)).isEqualTo(PIN);
      assertThatThrownBy(() -> retired.decrypt(oldData))
          .isInstanceOf(PatientDataCryptoException.class)
          .hasMessageContaining("'k1'")
          .hasMessageContaining("not in the configured key ring");
    }

    @Test
    void unknownKeyIdFails() {
      assertThatThrownBy(() -> ring("k9", "k9").decrypt(oldData))
          .isInstanceOf(PatientDataCryptoException.class)
          .hasMessageContaining("'k1'");
      assertThatThrownBy(() -> ring("k9", "k9").reencrypt(oldData))
          .isInstanceOf(PatientDataCryptoException.class);
    }
  }

  @Nested
  class Construction {

    @Test
    void activeKeyMustBeInTheRing() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PatientDataCipher(Map.of("k1", key(1)), "k2"));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PatientDataCipher(Map.of("k1", key(1)), null));
    }

    @Test
    void ringMustNotBeEmpty() {
      assertThatIllegalArgumentException().isThrownBy(() -> new PatientDataCipher(Map.of(), "k1"));
    }

    @Test
    void keysMustBe256Bits() {
      SecretKey aes128 = new SecretKeySpec(new byte[16], "AES");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PatientDataCipher(Map.of("k1", aes128), "k1"))
          .withMessageContaining("'k1'")
          .withMessageContaining("256-bit");
    }

    @Test
    void keysMustBeAesKeys() {
      SecretKey hmac = new SecretKeySpec(testKeyBytes(1), "HmacSHA256");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PatientDataCipher(Map.of("k1", hmac), "k1"));
    }

    @Test
    void keyIdsMustFitTheFormat() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PatientDataCipher(Map.of("k 1", key(1)), "k 1"));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new PatientDataCipher(Map.of("k".repeat(65), key(1)), "k".repeat(65)));
    }

    @Test
    void toStringShowsKeyIdsButNoKeyMaterial() {
      byte[] raw = testKeyBytes(0x41); // 'A' repeated, would show up if printed
      PatientDataCipher withKey =
          new PatientDataCipher(Map.of("k1", new SecretKeySpec(raw, "AES")), "k1");

      assertThat(withKey.toString())
          .contains("k1")
          .doesNotContain("AAAA")
          .doesNotContain(Base64.getEncoder().encodeToString(raw));
    }
  }
}
