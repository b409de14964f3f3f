package se.samla.deviation.web;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No package cycles, at any scale: between the modules (all of them are on this module's test
 * classpath), and between the feature packages inside web and the MedControl PRO integration.
 * Core's own feature packages are checked in core's ArchitectureTest.
 */
@AnalyzeClasses(
    packages = "se.samla.deviation",
    importOptions = ImportOption.DoNotIncludeTests.class)
class CyclesTest {

  @ArchTest
  static final ArchRule modulesAreFreeOfCycles =
      slices().matching("se.samla.deviation.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule webPackagesAreFreeOfCycles =
      slices().matching("se.samla.deviation.web.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule medControlPackagesAreFreeOfCycles =
      slices().matching("se.samla.deviation.medcontrol.(*)..").should().beFreeOfCycles();
}
