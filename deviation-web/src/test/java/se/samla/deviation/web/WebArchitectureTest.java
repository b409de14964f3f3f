package se.samla.deviation.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of docs/architecture.md#modules-and-layers for deviation-web. */
@AnalyzeClasses(
    packages = "se.samla.deviation.web",
    importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

  @ArchTest
  static final ArchRule webKnowsNoCamelOrMedControl =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.camel..", "se.samla.deviation.medcontrol..")
          .because(
              "web depends on integration-medcontrol at runtime only (docs/architecture.md#modules-and-layers)");

  @ArchTest
  static final ArchRule webNeverUsesTheLaptopRun =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("se.samla.deviation.laptop..", "io.zonky..")
          .because(
              "the embedded database and the demo data are the laptop run's, which web has at"
                  + " runtime only and production never needs");

  @ArchTest
  static final ArchRule webUsesCoreThroughItsApplicationServices =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("se.samla.deviation.core..infrastructure..")
          .because(
              "web talks to core's application services and imports only CoreConfiguration"
                  + " (docs/architecture.md#modules-and-layers)");

  @ArchTest
  static final ArchRule webDoesNotUseJpaDirectly =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.persistence..", "org.springframework.data.jpa..")
          .because("persistence belongs to core; web opens no transactions of its own");

  @ArchTest
  static final ArchRule apiAndPagesShareOnlyTheSupportPackage =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.web.api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("se.samla.deviation.web.page..")
          .because("the API and the pages share what they share through web.support");

  @ArchTest
  static final ArchRule pagesDoNotUseTheApi =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.web.page..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("se.samla.deviation.web.api..")
          .because("pages call core's application services, never the API's controllers");

  @ArchTest
  static final ArchRule supportServesBothAndKnowsNeither =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.web.support..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("se.samla.deviation.web.api..", "se.samla.deviation.web.page..")
          .because("web.support is what the API and the pages share");
}
