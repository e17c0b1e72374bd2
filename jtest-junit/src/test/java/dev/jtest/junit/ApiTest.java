package dev.jtest.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.apiguardian.api.API.Status.DEPRECATED;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apiguardian.api.API;

/** What users compile against says how far it is supported, as JUnit's own types do. */
@AnalyzeClasses(packages = "dev.jtest.junit", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiTest {

  @ArchTest
  static final ArchRule everyPublicTypeDeclaresItsStatus =
      classes().that().arePublic().should().beAnnotatedWith(API.class);

  @ArchTest
  static final ArchRule deprecatedTypesSayItTwice =
      classes()
          .that()
          .areAnnotatedWith(Deprecated.class)
          .should()
          .beAnnotatedWith(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "@API(status = DEPRECATED)",
                  annotation ->
                      annotation.getRawType().isEquivalentTo(API.class)
                          && annotation.as(API.class).status() == DEPRECATED));
}
