package se.samla.deviation.core.patient.infrastructure;

import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samla.deviation.core.patient.domain.PatientDataCipher;
import se.samla.deviation.core.patient.domain.PatientProtector;
import se.samla.deviation.core.patient.domain.PatientPseudonymizer;

/** Builds the patient data protection from {@link PatientCryptoProperties}. */
@Configuration(proxyBeanMethods = false)
public class PatientCryptoConfiguration {

  @Bean
  PatientDataCipher patientDataCipher(PatientCryptoProperties properties) {
    return new PatientDataCipher(properties.secretKeys(), properties.activeKeyId());
  }

  @Bean
  PatientPseudonymizer patientPseudonymizer(PatientCryptoProperties properties) {
    byte[] key = properties.pseudonymKeyBytes();
    try {
      return new PatientPseudonymizer(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Bean
  PatientProtector patientProtector(
      PatientDataCipher patientDataCipher, PatientPseudonymizer patientPseudonymizer) {
    return new PatientProtector(patientDataCipher, patientPseudonymizer);
  }
}
