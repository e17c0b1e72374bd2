package dev.jtest.surefire.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.jtest.surefire.worker.ReportNames.Entry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The names of the entries of real Jupiter tests, as stock Surefire 3.6.1's provider writes them
 * for the same tests (seen in the runner-stock-reports invoker build).
 */
class ReportNamesTest {

  private static final String FIXTURES = NamingFixtures.class.getName();

  /** Runs the classes and names every test as it finishes. */
  private static List<Entry> entries(Class<?>... classes) {
    List<Entry> entries = new ArrayList<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          ReportNames names;

          @Override
          public void testPlanExecutionStarted(TestPlan plan) {
            names = new ReportNames(plan);
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
              entries.add(names.entry(id, result.getStatus(), false));
            }
          }
        };
    List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
    for (Class<?> type : classes) {
      selectors.add(selectClass(type));
    }
    LauncherFactory.create().execute(request().selectors(selectors).build(), listener);
    return entries;
  }

  private static String ids(List<Entry> entries) {
    return String.join(
        ", ", entries.stream().map(e -> e.qualified() + "#" + e.name()).sorted().toList());
  }

  @Test
  void namesNestedClassesByBinaryNameNotDisplayName() {
    List<Entry> entries = entries(NamingFixtures.Outer.class);
    String outer = FIXTURES + "$Outer";
    assertThat(entries).allSatisfy(e -> assertThat(e.source()).isEqualTo(outer));
    assertThat(ids(entries))
        .isEqualTo(
            String.join(
                ", ",
                outer + "#factory()[1]",
                outer + "#factory()[2][1]",
                outer + "#param(int)[1]",
                outer + "#param(int)[2]",
                outer + "#plain",
                outer + "$First#same",
                outer + "$Second#same"));
    Entry first =
        entries.stream().filter(e -> e.qualified().endsWith("$First")).findFirst().orElseThrow();
    assertThat(first.sourceText()).isEqualTo("B is 0");
    Entry param =
        entries.stream().filter(e -> e.name().equals("param(int)[1]")).findFirst().orElseThrow();
    // Stock prefixes the method's display name (its own rule, read from 3.6.1).
    assertThat(param.nameText()).isEqualTo("param(int) 1 item");
  }

  @Test
  void namesInheritedNestedClassByItsDeclaringClassInTheConcreteClassSet() {
    List<Entry> entries = entries(NamingFixtures.Concrete.class);
    assertThat(entries)
        .containsExactly(
            new Entry(
                FIXTURES + "$Concrete",
                FIXTURES + "$Base$Inherited",
                FIXTURES + "$Base$Inherited",
                "inherited",
                null));
  }

  @Test
  void appendsClassTemplateInvocationIndex() {
    assertThat(ids(entries(NamingFixtures.Template.class)))
        .isEqualTo(FIXTURES + "$Template#t()[1], " + FIXTURES + "$Template#t()[2]");
  }
}
