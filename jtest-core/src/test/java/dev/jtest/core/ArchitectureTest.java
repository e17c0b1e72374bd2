package dev.jtest.core;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.UncheckedIOException;

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

  /** Adapters turn {@link JtestException}s into one message; anything else is a stack trace. */
  @ArchTest
  static final ArchRule coreThrowsNoGenericExceptions =
      noClasses().should(THROW_GENERIC_EXCEPTIONS);

  /** A file jtest cannot read or write is a {@link JtestException} naming the file. */
  @ArchTest
  static final ArchRule coreWrapsNoIoFailureInUncheckedIoException =
      noClasses()
          .should()
          .callConstructorWhere(target(owner(type(UncheckedIOException.class))))
          .as(
              "no classes should throw UncheckedIOException (throw a"
                  + " JtestException naming the file)");
}
