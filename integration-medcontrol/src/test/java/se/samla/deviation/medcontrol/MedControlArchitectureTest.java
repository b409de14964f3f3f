package se.samla.deviation.medcontrol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of docs/architecture.md#modules-and-layers for integration-medcontrol. */
@AnalyzeClasses(
    packages = "se.samla.deviation.medcontrol",
    importOptions = ImportOption.DoNotIncludeTests.class)
class MedControlArchitectureTest {

  @ArchTest
  static final ArchRule usesCoreOnlyThroughItsApplicationApiAndEvents =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.medcontrol..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "se.samla.deviation.core..infrastructure..", "se.samla.deviation.laptop..")
          .because("the integration depends on core's application API and events only");

  @ArchTest
  static final ArchRule knowsNothingOfTheWebOrJpa =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.medcontrol..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "se.samla.deviation.web..",
              "jakarta.persistence..",
              "org.springframework.data.jpa..",
              "jakarta.servlet..")
          .because("the ledger is plain SQL and the integration serves no HTTP");

  @ArchTest
  static final ArchRule neverUsesTheSimulator =
      noClasses()
          .that()
          .resideInAPackage("se.samla.deviation.medcontrol..")
          .and()
          .resideOutsideOfPackage("se.samla.deviation.medcontrol.simulator..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("se.samla.deviation.medcontrol.simulator..")
          .because("the simulator is an independent implementation of the contract");

  @ArchTest
  static final ArchRule routesAreCamelRouteBuildersWithPrefixedIds =
      classes()
          .that()
          .areAssignableTo(org.apache.camel.builder.RouteBuilder.class)
          .should()
          .resideInAPackage("se.samla.deviation.medcontrol.routes..")
          .because("routes live together, with error handling in a RouteConfigurationBuilder");
}
