package dev.jtest.surefire;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.UncheckedIOException;

/**
 * The rules of the provider: it runs in Surefire's fork, and what it throws reaches the user as
 * Surefire prints it.
 */
@AnalyzeClasses(
    packages = "dev.jtest.surefire",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The provider prints a {@link JtestRunException}'s message as it is; others as stack traces. */
  @ArchTest
  static final ArchRule providerThrowsNoGenericExceptions =
      NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  @ArchTest
  static final ArchRule providerWrapsNoIoFailureInUncheckedIoException =
      noClasses()
          .should()
          .callConstructorWhere(target(owner(type(UncheckedIOException.class))))
          .as(
              "no classes should throw UncheckedIOException (throw a JtestRunException saying why)");

  /** Surefire's fork has the provider and its dependencies on its class path, not jtest's core. */
  @ArchTest
  static final ArchRule providerRunsWithoutTheCore =
      noClasses().should().dependOnClassesThat().resideInAPackage("dev.jtest.core..");
}
