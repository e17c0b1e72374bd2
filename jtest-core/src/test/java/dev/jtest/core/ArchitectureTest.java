package dev.jtest.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules that keep the core a plain library that any adapter can drive. */
@AnalyzeClasses(packages = "dev.jtest.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreKnowsNothingOfMavenOrSurefire =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..");

  @ArchTest
  static final ArchRule onlyTheEnginePackageTouchesDockerJava =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.jtest.core.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.github.dockerjava..");

  @ArchTest
  static final ArchRule coreReportsEventsInsteadOfPrinting =
      NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  @ArchTest
  static final ArchRule corePackagesHaveNoCycles =
      slices().matching("dev.jtest.core.(*)..").should().beFreeOfCycles();
}
