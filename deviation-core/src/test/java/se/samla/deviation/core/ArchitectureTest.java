package se.samla.deviation.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN section 3's module and layer rules for deviation-core. */
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
          .because("core knows nothing of HTTP, SAML, Camel or the laptop run (DESIGN section 3)");

  @ArchTest
  static final ArchRule domainHasNoSpring =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..")
          .because("the domain is plain Java (DESIGN section 3)");

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
}
