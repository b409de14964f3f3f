package se.samla.deviation.laptop.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.Consequence;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.domain.NewDeviation;
import se.samla.deviation.core.deviation.domain.Probability;
import se.samla.deviation.core.deviation.domain.UnitRef;
import se.samla.deviation.core.deviation.domain.Visibility;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;
import se.samla.deviation.core.patient.domain.ProtectedPatient;
import se.samla.deviation.laptop.demo.DemoLandscape.Area;
import se.samla.deviation.laptop.demo.DemoLandscape.DemoPerson;
import se.samla.deviation.laptop.demo.DemoLandscape.DemoUnit;
import se.samla.deviation.laptop.demo.DemoLandscape.UnitType;
import se.samla.deviation.laptop.demo.DemoTexts.InformationRequest;
import se.samla.deviation.laptop.demo.DemoTexts.Template;

/**
 * Creates back-dated demo deviations through the aggregate's own transitions, with increasing
 * instants that never pass {@code now}. Submissions spread over the last {@value #QUARTERS}
 * quarters, a little denser towards today (as if use of the service grew). Each deviation gets a
 * planned fate (accepted, auto-closed, withdrawn, returned, or left lying); the steps towards it
 * take realistic times, and a recent deviation whose next step would lie in the future simply stays
 * where it is, so old deviations are mostly closed and recent ones mostly open. Deterministic for a
 * given {@link Random}.
 */
final class DemoDeviationGenerator {

  static final int QUARTERS = 8;
  private static final Set<UnitType> PATIENT_HOMES =
      EnumSet.of(UnitType.HOME_CARE, UnitType.SHORT_TERM, UnitType.ELDERLY_HOUSING);

  /** Relative frequencies of categories; a category not listed (added later) gets {@code 3}. */
  private static final Map<String, Integer> CATEGORY_WEIGHTS =
      Map.ofEntries(
          Map.entry("ADMISSION_DISCHARGE", 18),
          Map.entry("INFORMATION_TRANSFER", 15),
          Map.entry("MEDICATION", 14),
          Map.entry("PHYSICIAN_PARTICIPATION", 10),
          Map.entry("REFERRAL_CONTACT", 9),
          Map.entry("ASSISTIVE_DEVICES", 8),
          Map.entry("SAMPLING", 7),
          Map.entry("SIP", 6),
          Map.entry("NURSING", 6),
          Map.entry("TRANSPORT", 4),
          Map.entry("OTHER", 3));

  private enum Plan {
    ACCEPT(52),
    AUTO_CLOSE(22),
    WITHDRAW(4),
    WITHDRAW_AFTER_RETURN(3),
    STAY_RETURNED(3),
    STUCK_SUBMITTED(2),
    STUCK_ASSIGNED(3),
    STUCK_INFORMATION_REQUESTED(2);

    private final int weight;

    Plan(int weight) {
      this.weight = weight;
    }
  }

  /** A category as the generator needs it. */
  record CategoryRef(String code, String label) {}

  private final Random random;
  private final DemoTexts texts;
  private final Instant start;
  private final Instant end;
  private final DeadlinePolicy policy;
  private final int autoCloseDays;
  private final List<CategoryRef> categories;
  private final IntFunction<String> caseNumbers;
  private final List<PersonalIdentityNumber> patients;
  private final Function<PersonalIdentityNumber, ProtectedPatient> protector;

  /**
   * @param texts what the deviations say
   * @param caseNumbers draws the next case number of a (Swedish calendar) year
   * @param patients fictional patients, some of whom appear in several deviations
   * @param protector encrypts and pseudonymizes a patient's number
   */
  DemoDeviationGenerator(
      Random random,
      DemoTexts texts,
      Instant now,
      DeadlinePolicy policy,
      int autoCloseDays,
      List<CategoryRef> categories,
      IntFunction<String> caseNumbers,
      List<PersonalIdentityNumber> patients,
      Function<PersonalIdentityNumber, ProtectedPatient> protector) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("no active categories to spread deviations over");
    }
    this.random = random;
    this.texts = texts;
    this.start = windowStart(now, policy.zone());
    this.end = now.minus(Duration.ofMinutes(5));
    this.policy = policy;
    this.autoCloseDays = autoCloseDays;
    this.categories = List.copyOf(categories);
    this.caseNumbers = caseNumbers;
    this.patients = List.copyOf(patients);
    this.protector = protector;
  }

  /** Midnight (service zone) starting the quarter {@code QUARTERS - 1} quarters before now's. */
  static Instant windowStart(Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate quarterStart =
        LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
    return quarterStart.minusMonths(3L * (QUARTERS - 1)).atStartOfDay(zone).toInstant();
  }

  /** The {@code index}-th of {@code count} deviations, oldest first. */
  Deviation generate(int index, int count) {
    Instant submittedAt = submissionTime(index, count);
    Template template = template();
    UnitPair units = units(template);
    DemoPerson reporterPerson = pick(DemoLandscape.REPORTERS.get(units.reporting().hsaId()));
    PersonRef reporter = ref(reporterPerson);
    Consequence consequence = consequence(template);
    Probability probability = probability();
    boolean withPatient = template.aboutPatient() && !patients.isEmpty() && chance(0.4);
    Instant occurredAt = submittedAt.minus(hours(0.5, chance(0.8) ? 30 : 120));
    Instant discoveredAt =
        chance(0.85)
            ? occurredAt.plusSeconds(
                (long)
                    (random.nextDouble() * Duration.between(occurredAt, submittedAt).toSeconds()))
            : null;
    NewDeviation data =
        new NewDeviation(
            occurredAt,
            discoveredAt,
            unitRef(units.reporting()),
            unitRef(units.receiving()),
            template.categoryCode(),
            template.description(),
            template.immediateActions(),
            consequence,
            probability,
            template.agreementReference(),
            withPatient ? protector.apply(pick(patients)) : null,
            consequence.level() >= Consequence.SIGNIFICANT.level() && chance(0.3),
            PATIENT_HOMES.contains(units.receiving().type())
                && consequence.level() >= Consequence.MODERATE.level()
                && chance(0.08));
    int year = submittedAt.atZone(policy.zone()).getYear();
    Deviation deviation =
        Deviation.submit(uuid(), caseNumbers.apply(year), data, reporter, submittedAt, policy);
    new Life(deviation, submittedAt, reporter, units.receiving(), template).live(plan());
    return deviation;
  }

  /** One deviation's way through the workflow; stops when the next step would be in the future. */
  private final class Life {

    private final Deviation deviation;
    private final PersonRef reporter;
    private final Template template;
    private DemoUnit receiving;
    private PersonRef handler;
    private Instant time;

    Life(
        Deviation deviation,
        Instant submittedAt,
        PersonRef reporter,
        DemoUnit receiving,
        Template template) {
      this.deviation = deviation;
      this.time = submittedAt;
      this.reporter = reporter;
      this.receiving = receiving;
      this.template = template;
    }

    void live(Plan plan) {
      switch (plan) {
        case STUCK_SUBMITTED -> {
          return;
        }
        case WITHDRAW -> {
          if (later(hours(1, 72))) {
            deviation.withdraw(pick(texts.withdrawReasons()), reporter, time);
          }
          return;
        }
        case WITHDRAW_AFTER_RETURN, STAY_RETURNED -> {
          if (!later(acknowledgementTime())) {
            return;
          }
          deviation.returnToReporter(pick(texts.returnReasons()), anyHandler(), time);
          if (plan == Plan.WITHDRAW_AFTER_RETURN && later(hours(2, 96))) {
            deviation.withdraw(pick(texts.withdrawReasons()), reporter, time);
          }
          return;
        }
        default -> handle(plan);
      }
    }

    private void handle(Plan plan) {
      if (chance(0.07) && !otherUnits().isEmpty()) {
        if (!later(acknowledgementTime())) {
          return;
        }
        deviation.returnToReporter(pick(texts.returnReasons()), anyHandler(), time);
        if (!later(hours(2, 72))) {
          return;
        }
        receiving = pick(otherUnits());
        deviation.resubmit(
            unitRef(receiving), pick(texts.resubmitComments()), reporter, time, policy);
      } else if (chance(0.08) && !otherUnits().isEmpty()) {
        if (!later(hours(2, 48))) {
          return;
        }
        PersonRef by = anyHandler();
        receiving = pick(otherUnits());
        deviation.forward(unitRef(receiving), pick(texts.forwardReasons()), by, time, policy);
      }
      if (!later(acknowledgementTime())) {
        return;
      }
      handler = anyHandler();
      PersonRef assignedBy =
          chance(0.3)
              ? ref(DemoLandscape.COORDINATORS.get(receiving.organisationHsaId()))
              : handler;
      deviation.assign(handler, assignedBy, time);
      if (chance(0.2) && later(hours(1, 24))) {
        deviation.comment(pick(texts.sharedComments()), Visibility.SHARED, handler, time);
      }
      if (plan == Plan.STUCK_ASSIGNED) {
        return;
      }
      if (plan == Plan.STUCK_INFORMATION_REQUESTED || chance(0.25)) {
        InformationRequest request = pick(texts.informationRequests());
        if (!later(days(1, 10))) {
          return;
        }
        deviation.requestInformation(request.question(), handler, time);
        if (plan == Plan.STUCK_INFORMATION_REQUESTED || !later(hours(4, 8 * 24))) {
          return;
        }
        deviation.supplyInformation(request.answer(), reporter, time, policy);
      }
      if (chance(0.15) && later(days(1, 5))) {
        deviation.comment(pick(texts.internalComments()), Visibility.INTERNAL, handler, time);
      }
      if (!later(chance(0.8) ? days(5, 45) : days(45, 80))) {
        return;
      }
      answer("");
      if (plan == Plan.AUTO_CLOSE) {
        if (later(Duration.ofDays(autoCloseDays).plus(hours(0, 0.25)))) {
          deviation.autoClose(time, autoCloseDays);
        }
        return;
      }
      if (chance(0.12)) {
        if (!later(days(1, 10))) {
          return;
        }
        deviation.dispute(pick(texts.disputeReasons()), reporter, time);
        if (!later(days(3, 20))) {
          return;
        }
        answer(texts.reanswerPrefix());
      }
      if (later(days(1, 21))) {
        PersonRef acceptedBy =
            chance(0.8)
                ? reporter
                : ref(
                    DemoLandscape.COORDINATORS.get(deviation.reportingUnit().organisationHsaId()));
        deviation.accept(acceptedBy, time);
      }
    }

    private void answer(String prefix) {
      deviation.answer(
          prefix + template.investigation(), template.causes(), template.measures(), handler, time);
    }

    private PersonRef anyHandler() {
      return ref(pick(DemoLandscape.HANDLERS.get(receiving.hsaId())));
    }

    /** Other units of the receiving organisation that serve the same patients. */
    private List<DemoUnit> otherUnits() {
      return DemoLandscape.UNITS.stream()
          .filter(u -> u.organisationHsaId().equals(receiving.organisationHsaId()))
          .filter(u -> !u.hsaId().equals(receiving.hsaId()))
          .filter(u -> u.area().serves(receiving.area()))
          .toList();
    }

    /** Moves the clock on; false (and no move) if that would pass the end of the window. */
    private boolean later(Duration duration) {
      Instant next = time.plus(duration);
      if (next.isAfter(end)) {
        return false;
      }
      time = next;
      return true;
    }

    private Duration acknowledgementTime() {
      return chance(0.2) ? days(5, 20) : hours(1, 96);
    }
  }

  private record UnitPair(DemoUnit reporting, DemoUnit receiving) {}

  private Instant submissionTime(int index, int count) {
    // Density rising linearly from 1 to 3 over the window: inverse of F(x) = (x + x²) / 2.
    double u = (index + random.nextDouble()) / count;
    double x = (-1 + Math.sqrt(1 + 8 * u)) / 2;
    long span = Duration.between(start, end).toSeconds();
    Instant raw = start.plusSeconds((long) (span * x));
    ZonedDateTime day = raw.atZone(policy.zone()).toLocalDate().atStartOfDay(policy.zone());
    Instant atWork = day.plusHours(7).plusMinutes(random.nextInt(13 * 60)).toInstant();
    if (atWork.isAfter(end)) {
      atWork = end.minus(Duration.ofMinutes(5 + random.nextInt(120)));
    }
    return atWork.isBefore(start) ? start.plus(Duration.ofHours(8)) : atWork;
  }

  private Template template() {
    CategoryRef category = weightedCategory();
    List<Template> candidates =
        texts.templates().stream().filter(t -> t.categoryCode().equals(category.code())).toList();
    return candidates.isEmpty()
        ? texts.generic(category.code(), category.label(), chance(0.6))
        : pick(candidates);
  }

  private CategoryRef weightedCategory() {
    int total = categories.stream().mapToInt(c -> CATEGORY_WEIGHTS.getOrDefault(c.code(), 3)).sum();
    int roll = random.nextInt(total);
    for (CategoryRef category : categories) {
      roll -= CATEGORY_WEIGHTS.getOrDefault(category.code(), 3);
      if (roll < 0) {
        return category;
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  /** A reporting and a receiving unit of different organisations that serve the same area. */
  private UnitPair units(Template template) {
    Area area = chance(0.6) ? Area.ALINGSAS : Area.LERUM;
    List<UnitPair> pairs = pairs(template, area);
    if (pairs.isEmpty()) {
      pairs = pairs(template, Area.BOTH);
    }
    if (pairs.isEmpty()) {
      throw new IllegalStateException("no units fit template " + template.description());
    }
    return pick(pairs);
  }

  private static List<UnitPair> pairs(Template template, Area area) {
    List<UnitPair> pairs = new ArrayList<>();
    for (DemoUnit reporting : DemoLandscape.UNITS) {
      if (!template.from().contains(reporting.type()) || !reporting.area().serves(area)) {
        continue;
      }
      for (DemoUnit receiving : DemoLandscape.UNITS) {
        if (template.to().contains(receiving.type())
            && receiving.area().serves(area)
            && receiving.area().serves(reporting.area())
            && !receiving.organisationHsaId().equals(reporting.organisationHsaId())) {
          pairs.add(new UnitPair(reporting, receiving));
        }
      }
    }
    return pairs;
  }

  private Plan plan() {
    int total = 0;
    for (Plan plan : Plan.values()) {
      total += plan.weight;
    }
    int roll = random.nextInt(total);
    for (Plan plan : Plan.values()) {
      roll -= plan.weight;
      if (roll < 0) {
        return plan;
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private Consequence consequence(Template template) {
    double roll = random.nextDouble();
    int shift = roll < 0.25 ? -1 : roll < 0.75 ? 0 : 1;
    int level = Math.max(0, Math.min(4, template.consequence().level() + shift));
    return Consequence.ofLevel(level);
  }

  private Probability probability() {
    double roll = random.nextDouble();
    if (roll < 0.2) {
      return Probability.VERY_LOW;
    }
    if (roll < 0.6) {
      return Probability.LOW;
    }
    return roll < 0.9 ? Probability.HIGH : Probability.VERY_HIGH;
  }

  /** A random (version 4) UUID drawn from the seeded generator, so reruns give the same ids. */
  private UUID uuid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  private Duration hours(double min, double max) {
    return Duration.ofMinutes((long) ((min + random.nextDouble() * (max - min)) * 60));
  }

  private Duration days(double min, double max) {
    return hours(min * 24, max * 24);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private static PersonRef ref(DemoPerson person) {
    return new PersonRef(person.hsaId(), person.name());
  }

  private static UnitRef unitRef(DemoUnit unit) {
    return new UnitRef(unit.hsaId(), unit.organisationHsaId());
  }
}
