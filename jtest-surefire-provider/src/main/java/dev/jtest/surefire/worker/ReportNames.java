package dev.jtest.surefire.worker;

import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Names tests as Surefire's JUnit Platform provider does, so that reports and reruns look the same
 * with jtest: the test set is the top-level class, a method is named by its method name, and a
 * parameterized or dynamic invocation by its legacy reporting name ({@code add(int, int)[1]}).
 */
final class ReportNames {

  /** A legacy reporting name that ends in an invocation index: {@code add(int, int)[1]}. */
  private static final Pattern INVOCATION = Pattern.compile("^.*\\[\\d+]$");

  /** A container named like an invocation, without a source: {@code [1] a, b}. */
  private static final Pattern INVOCATION_CONTAINER = Pattern.compile("^\\[.+]$");

  private final TestPlan plan;

  ReportNames(TestPlan plan) {
    this.plan = plan;
  }

  TestPlan plan() {
    return plan;
  }

  /** The top-level class of a test: the test set its events belong to. */
  String topClass(TestIdentifier id) {
    TestIdentifier top = id;
    TestIdentifier nearestClass = null;
    for (TestIdentifier node = id; node != null; node = plan.getParent(node).orElse(null)) {
      if (nearestClass == null && isClass(node)) {
        nearestClass = node;
      }
      if (plan.getParent(node).isPresent()) {
        top = node;
      }
    }
    if (isClass(top)) {
      return ((ClassSource) top.getSource().get()).getClassName();
    }
    if (nearestClass != null) {
      return ((ClassSource) nearestClass.getSource().get()).getClassName();
    }
    Optional<MethodSource> method = methodSource(id);
    return method.map(MethodSource::getClassName).orElse(top.getDisplayName());
  }

  /** The display name of the class a test sits in, when it differs from the class name. */
  String classText(TestIdentifier id) {
    for (TestIdentifier node = id; node != null; node = plan.getParent(node).orElse(null)) {
      if (isClass(node)) {
        String className = ((ClassSource) node.getSource().get()).getClassName();
        String display = node.getDisplayName();
        boolean plain =
            display.equals(className)
                || className.endsWith("." + display)
                || className.endsWith("$" + display);
        return plain ? null : display;
      }
    }
    return null;
  }

  /** The name of a test, or of a failing container; {@code classFailure} for a class container. */
  String name(TestIdentifier id, String classFailure) {
    if (isClass(id)) {
      return classFailure;
    }
    Optional<MethodSource> method = methodSource(id);
    if (method.isEmpty()) {
      return id.getDisplayName();
    }
    String legacy = id.getLegacyReportingName();
    boolean parameterized =
        !method.get().getMethodParameterTypes().isEmpty()
            || INVOCATION.matcher(legacy).matches()
            || hasInvocationAncestor(id);
    return parameterized ? legacy : method.get().getMethodName();
  }

  /** The display name of a test, prefixed by that of its parameterized or factory method. */
  String nameText(TestIdentifier id, String name) {
    String display = id.getDisplayName();
    Optional<TestIdentifier> parent = plan.getParent(id);
    if (id.isTest() && parent.isPresent() && methodSource(parent.get()).isPresent()) {
      String prefix = parent.get().getDisplayName();
      display = prefix + (display.startsWith("[") ? "" : " ") + display;
    }
    return display.equals(name) ? null : display;
  }

  private boolean hasInvocationAncestor(TestIdentifier id) {
    for (TestIdentifier node = plan.getParent(id).orElse(null);
        node != null;
        node = plan.getParent(node).orElse(null)) {
      if (node.getSource().isEmpty()
          && INVOCATION_CONTAINER.matcher(node.getLegacyReportingName()).matches()) {
        return true;
      }
    }
    return false;
  }

  static boolean isClass(TestIdentifier id) {
    return id.isContainer() && id.getSource().filter(ClassSource.class::isInstance).isPresent();
  }

  static Optional<MethodSource> methodSource(TestIdentifier id) {
    return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
  }
}
