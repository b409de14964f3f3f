package se.samla.deviation.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module and layer rules of docs/architecture.md#modules-and-layers for deviation-core. */
@AnalyzeClasses(
    packages = "se.samla.deviation.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreKnowsNoWebSamlOrCamel =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework.web..",
              "org.springframework.security..",
              "jakarta.servlet..",
              "org.opensaml..",
              "org.apache.camel..",
              "se.samla.deviation.web..",
              "se.samla.deviation.medcontrol..",
              "se.samla.deviation.laptop..")
          .because(
              "core knows nothing of HTTP, SAML, Camel or the laptop run"
                  + " (docs/architecture.md#modules-and-layers)");

  @ArchTest
  static final ArchRule domainHasNoSpring =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .because("the domain is plain Java (docs/architecture.md#modules-and-layers)");

  @ArchTest
  static final ArchRule domainDependsOnNoOuterLayer =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..application..", "..infrastructure..");

  @ArchTest
  static final ArchRule infrastructureDoesNotCallApplicationServices =
      noClasses()
          .that()
          .resideInAPackage("..infrastructure..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..application..")
          .because("application services use infrastructure, not the other way round");

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices()
          .matching("se.samla.deviation.core.(*)..")
          .should()
          .beFreeOfCycles()
          .because("a feature package that needs another must not be needed by it in return");
}
