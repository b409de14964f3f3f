package se.samla.deviation.laptop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.DeviationEvent;
import se.samla.deviation.core.deviation.domain.RiskAssessment;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;
import se.samla.deviation.core.patient.domain.ProtectedPatient;
import se.samla.deviation.laptop.demo.DemoDeviationGenerator.CategoryRef;

/** The demo deviations are deterministic: a seed always gives the same ones, texts included. */
class DemoDeviationGeneratorTest {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final List<CategoryRef> CATEGORIES =
      List.of(
          new CategoryRef("ADMISSION_DISCHARGE", "In- och utskrivning"),
          new CategoryRef("INFORMATION_TRANSFER", "Informationsöverföring"),
          new CategoryRef("MEDICATION", "Läkemedel"),
          new CategoryRef("PHYSICIAN_PARTICIPATION", "Läkarmedverkan"),
          new CategoryRef("REFERRAL_CONTACT", "Remiss och kontakt"),
          new CategoryRef("ASSISTIVE_DEVICES", "Hjälpmedel"),
          new CategoryRef("SAMPLING", "Provtagning"),
          new CategoryRef("SIP", "SIP"),
          new CategoryRef("NURSING", "Omvårdnad"),
          new CategoryRef("TRANSPORT", "Transport"),
          new CategoryRef("OTHER", "Övrigt"),
          new CategoryRef("NEW_CATEGORY", "Ny kategori utan mall"));

  @Test
  void theSameSeedGivesTheSameDeviations() {
    List<String> first = generate(20261123L, 200);
    List<String> second = generate(20261123L, 200);

    assertThat(first).hasSize(200).isEqualTo(second);
  }

  @Test
  void anotherSeedGivesOtherDeviations() {
    assertThat(generate(1L, 50)).isNotEqualTo(generate(2L, 50));
  }

  @Test
  void everyTextComesFromTheShippedFile() {
    DemoTexts texts = DemoTexts.load();

    assertThat(texts.templates()).hasSize(27);
    assertThat(texts.templates())
        .allSatisfy(
            t -> {
              assertThat(t.description()).isNotBlank();
              assertThat(t.agreementReference()).isNotBlank();
              assertThat(t.from()).isNotEmpty();
              assertThat(t.to()).isNotEmpty();
            });
    assertThat(texts.generic("X", "Ny Kategori", true).description())
        .contains("inom området ny kategori följdes inte");
    assertThat(texts.informationRequests()).allSatisfy(r -> assertThat(r.answer()).isNotBlank());
  }

  /** One line per deviation: what the generator decided, without any patient data. */
  private static List<String> generate(long seed, int count) {
    Random random = new Random(seed);
    List<PersonalIdentityNumber> patients =
        DemoPatients.generate(random, 40, LocalDate.of(2026, 11, 23));
    AtomicInteger serial = new AtomicInteger();
    DemoDeviationGenerator generator =
        new DemoDeviationGenerator(
            random,
            DemoTexts.load(),
            NOW,
            DeadlinePolicy.defaults(),
            30,
            CATEGORIES,
            year -> "SAMLA-" + year + "-" + serial.incrementAndGet(),
            patients,
            pin -> new ProtectedPatient(new byte[] {1}, "%064x".formatted(patients.indexOf(pin))));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Deviation d = generator.generate(i, count);
      StringBuilder line =
          new StringBuilder()
              .append(d.id())
              .append(' ')
              .append(d.caseNumber())
              .append(' ')
              .append(d.status())
              .append(' ')
              .append(d.submittedAt())
              .append(' ')
              .append(d.receivingUnit())
              .append(' ')
              .append(d.reporterEstimate().map(RiskAssessment::consequence).orElse(null))
              .append(' ')
              .append(d.patient().map(ProtectedPatient::pseudonym).orElse("-"))
              .append(' ')
              .append(d.description().hashCode());
      for (DeviationEvent event : d.events()) {
        line.append(' ').append(event.type()).append('@').append(event.at());
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
