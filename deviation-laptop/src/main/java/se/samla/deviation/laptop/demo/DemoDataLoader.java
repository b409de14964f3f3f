package se.samla.deviation.laptop.demo;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.access.domain.PersonRef;
import se.samla.deviation.core.deviation.domain.DeadlinePolicy;
import se.samla.deviation.core.deviation.domain.Deviation;
import se.samla.deviation.core.deviation.infrastructure.CaseNumberGenerator;
import se.samla.deviation.core.deviation.infrastructure.DeadlineProperties;
import se.samla.deviation.core.deviation.infrastructure.Deviations;
import se.samla.deviation.core.organisation.application.MasterData;
import se.samla.deviation.core.organisation.domain.Category;
import se.samla.deviation.core.organisation.infrastructure.Categories;
import se.samla.deviation.core.organisation.infrastructure.Organisations;
import se.samla.deviation.core.patient.domain.PatientProtector;
import se.samla.deviation.core.patient.domain.PersonalIdentityNumber;
import se.samla.deviation.laptop.demo.DemoDeviationGenerator.CategoryRef;
import se.samla.deviation.laptop.demo.DemoLandscape.DemoOrganisation;
import se.samla.deviation.laptop.demo.DemoLandscape.DemoPerson;
import se.samla.deviation.laptop.demo.DemoLandscape.DemoUnit;

/**
 * Loads the fictional demo landscape ({@link DemoLandscape}) and its deviations once, at startup,
 * when {@code deviation.demo-data.enabled=true} ({@link DemoDataConfiguration}). The embedded
 * database keeps its data between restarts, so a landscape already present is left alone.
 *
 * <p>Master data goes through {@link MasterData}. Deviations are back-dated, which the workflow
 * service (time from the clock) cannot do, so they are built with the aggregate's transitions and
 * explicit instants and persisted through the repository. Their change events are deliberately not
 * published: demo history must not be synchronised to MedControl PRO or notify anyone.
 */
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  private static final int PATIENTS = 40;
  private static final int FLUSH_EVERY = 50;

  /** What one load created. */
  record Summary(
      int organisations,
      int units,
      int handlerAppointments,
      int coordinatorAppointments,
      int deviations,
      int withPatient) {}

  private final DemoDataProperties properties;
  private final MasterData masterData;
  private final Organisations organisations;
  private final Categories categories;
  private final Deviations deviations;
  private final CaseNumberGenerator caseNumbers;
  private final PatientProtector patientProtector;
  private final DeadlinePolicy deadlines;
  private final int autoCloseDays;
  private final EntityManager entityManager;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DemoDataLoader(
      DemoDataProperties properties,
      MasterData masterData,
      Organisations organisations,
      Categories categories,
      Deviations deviations,
      CaseNumberGenerator caseNumbers,
      PatientProtector patientProtector,
      DeadlinePolicy deadlines,
      DeadlineProperties deadlineProperties,
      EntityManager entityManager,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.properties = properties;
    this.masterData = masterData;
    this.organisations = organisations;
    this.categories = categories;
    this.deviations = deviations;
    this.caseNumbers = caseNumbers;
    this.patientProtector = patientProtector;
    this.deadlines = deadlines;
    this.autoCloseDays = deadlineProperties.autoCloseAfterDays();
    this.entityManager = entityManager;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    load();
  }

  /** Loads the landscape in one transaction, unless it is already there. */
  Optional<Summary> load() {
    return Optional.ofNullable(transaction.execute(tx -> loadIfAbsent()));
  }

  private Summary loadIfAbsent() {
    if (organisations.existsById(DemoLandscape.REGION)) {
      log.info("Demo data already present; nothing loaded");
      return null;
    }
    long started = System.nanoTime();
    Actor admin = admin();
    int handlers = 0;
    for (DemoOrganisation organisation : DemoLandscape.ORGANISATIONS) {
      masterData.saveOrganisation(
          admin, organisation.hsaId(), organisation.name(), organisation.kind());
    }
    for (DemoUnit unit : DemoLandscape.UNITS) {
      masterData.saveUnit(admin, unit.hsaId(), unit.name(), unit.organisationHsaId(), true);
      for (DemoPerson handler : DemoLandscape.HANDLERS.getOrDefault(unit.hsaId(), List.of())) {
        masterData.appointHandler(
            admin,
            unit.hsaId(),
            handler.hsaId(),
            handler.name(),
            DemoLandscape.email(handler, unit.organisationHsaId()));
        handlers++;
      }
    }
    DemoLandscape.COORDINATORS.forEach(
        (organisation, coordinator) ->
            masterData.appointCoordinator(
                admin,
                organisation,
                coordinator.hsaId(),
                coordinator.name(),
                DemoLandscape.email(coordinator, organisation)));

    int withPatient = createDeviations();
    Summary summary =
        new Summary(
            DemoLandscape.ORGANISATIONS.size(),
            DemoLandscape.UNITS.size(),
            handlers,
            DemoLandscape.COORDINATORS.size(),
            properties.deviations(),
            withPatient);
    log.info(
        "Loaded demo data (seed {}): {} organisations, {} units, {} handler and {} coordinator"
            + " appointments, {} deviations over {} quarters ({} with a patient) in {} ms",
        properties.seed(),
        summary.organisations(),
        summary.units(),
        summary.handlerAppointments(),
        summary.coordinatorAppointments(),
        summary.deviations(),
        DemoDeviationGenerator.QUARTERS,
        summary.withPatient(),
        (System.nanoTime() - started) / 1_000_000);
    return summary;
  }

  private int createDeviations() {
    Instant now = clock.instant();
    Random random = new Random(properties.seed());
    List<CategoryRef> active =
        categories.findAllByOrderBySortOrder().stream()
            .filter(Category::active)
            .map(c -> new CategoryRef(c.code(), c.label(Locale.forLanguageTag("sv"))))
            .toList();
    LocalDate today = now.atZone(deadlines.zone()).toLocalDate();
    List<PersonalIdentityNumber> patients = DemoPatients.generate(random, PATIENTS, today);
    DemoDeviationGenerator generator =
        new DemoDeviationGenerator(
            random,
            DemoTexts.load(),
            now,
            deadlines,
            autoCloseDays,
            active,
            caseNumbers::nextForYear,
            patients,
            patientProtector::protect);
    // Over a thousand plain inserts: batch them (this session only) and keep the context small.
    entityManager.unwrap(Session.class).setJdbcBatchSize(FLUSH_EVERY);
    int withPatient = 0;
    for (int i = 0; i < properties.deviations(); i++) {
      Deviation deviation = generator.generate(i, properties.deviations());
      deviation.pullDomainEvents(); // demo history is not news: publish nothing
      if (deviation.patient().isPresent()) {
        withPatient++;
      }
      deviations.persist(deviation);
      if ((i + 1) % FLUSH_EVERY == 0) {
        entityManager.flush();
        entityManager.clear();
      }
    }
    return withPatient;
  }

  /** The demo administrator, acting for the service while it sets up master data. */
  private static Actor admin() {
    DemoPersonas.Persona persona = DemoPersonas.ADMINISTRATOR;
    return new Actor(
        new PersonRef(persona.hsaId(), persona.name()),
        persona.unitHsaId(),
        persona.organisationHsaId(),
        Set.of(),
        Set.of(),
        true);
  }
}
