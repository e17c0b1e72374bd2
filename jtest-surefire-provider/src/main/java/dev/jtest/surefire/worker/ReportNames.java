package dev.jtest.surefire.worker;

import dev.jtest.surefire.wire.ReportEvent;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Names report entries as Surefire's JUnit Platform provider (3.6) names them, because CI test
 * tabs, flaky-test trackers and {@code -Dtest=Outer$Inner#method} patterns key on those names: the
 * test set is the top-level class (a {@code @Nested} class's tests go into its file); the {@code
 * testcase}'s class name is the binary name of the class that holds the test ({@code Outer$Inner},
 * the declaring abstract class's nested class for an inherited {@code @Nested} class); a test is
 * named by its method name, or by its legacy reporting name when it is one of several invocations
 * ({@code add(int, int)[1]}, {@code factory()[2][1]}, {@code hasValue()[1]} in a class template).
 * Display names ({@code @DisplayName} of the class, the test's display name) are the entry's texts,
 * which Surefire shows only where the user asks for phrased names.
 */
final class ReportNames {

  private static final String DISPLAY_NAME = "org.junit.jupiter.api.DisplayName";
  private static final String CLASS_TEMPLATE_INVOCATION = "class-template-invocation";
  private static final String TEST_TEMPLATE_INVOCATION = "test-template-invocation";

  /** A legacy reporting name that ends in an invocation index: {@code add(int, int)[1]}. */
  private static final Pattern INVOCATION = Pattern.compile("^.*\\[\\d+]$");

  /** A container named like an invocation, without a source: {@code [1] a, b}. */
  private static final Pattern INVOCATION_CONTAINER = Pattern.compile("^\\[.+]$");

  /**
   * How Surefire names one entry.
   *
   * @param source the test set: the top-level class
   * @param sourceText the class's display name, or null
   * @param qualified the {@code testcase}'s class name: the class that holds the test, or null
   * @param name the method name as reported, or null (a class skipped as a child of a skipped one)
   * @param nameText the test's display name when it differs from {@code name}, or null
   */
  record Entry(String source, String sourceText, String qualified, String name, String nameText) {}

  private final TestPlan plan;
  private final Map<String, Optional<String>> displayNameAnnotations = new ConcurrentHashMap<>();

  ReportNames(TestPlan plan) {
    this.plan = plan;
  }

  TestPlan plan() {
    return plan;
  }

  /**
   * Names an entry about a test or container.
   *
   * @param status the outcome it reports, null for a start or a skip
   * @param classHadSuccess whether a test of its top-level class has passed: a class failure is
   *     then an {@code executionError} (an {@code @AfterAll}), else an {@code initializationError}
   */
  Entry entry(TestIdentifier id, Status status, boolean classHadSuccess) {
    String top = topClass(id);
    String classDisplay = id.isTest() ? classDisplayName(nearestClass(id)) : null;
    String qualified;
    String display;
    String signature = null;
    String methodDisplay = null;
    Optional<MethodSource> method = methodSource(id);
    if (method.isPresent()) {
      qualified = method.get().getClassName();
      TestIdentifier enclosing = nearestClass(parent(id));
      display =
          enclosing == null
              ? qualified
              : displayNameAnnotation(enclosing).orElse(className(enclosing));
      signature = signature(id, method.get());
      String methodDisp = methodDisplay(id);
      methodDisplay = hasDisplayName(id, method.get(), methodDisp) ? methodDisp : signature;
    } else if (isClass(id)) {
      qualified = className(id);
      display = displayNameAnnotation(id).orElse(qualified);
    } else {
      qualified = null;
      display = parent(id) == null ? id.getDisplayName() : parent(id).getDisplayName();
      signature = id.getDisplayName();
      methodDisplay = signature;
    }
    String sourceText = Objects.equals(top, display) ? null : display;
    if (classDisplay != null) {
      sourceText = classDisplay;
    }
    boolean named = status == null || status == Status.FAILED || id.isTest();
    String name = named ? signature : null;
    String nameText = named ? methodDisplay : null;
    if (id.isTest() && name == null && isClass(id)) {
      name = id.getLegacyReportingName();
      nameText = id.getDisplayName();
    }
    if (status != null && status != Status.SUCCESSFUL && id.isContainer() && name == null) {
      name = classHadSuccess ? ReportEvent.EXECUTION_ERROR : ReportEvent.INITIALIZATION_ERROR;
      nameText = name;
    }
    if (Objects.equals(name, nameText)) {
      nameText = null;
    }
    return new Entry(top, sourceText, qualified, name, nameText);
  }

  /** The top-level class of a test: the test set its events belong to. */
  String topClass(TestIdentifier id) {
    TestIdentifier top = topIdentifier(id);
    if (isClass(top)) {
      return className(top);
    }
    TestIdentifier nearest = nearestClass(id);
    if (nearest != null) {
      return className(nearest);
    }
    return methodSource(id).map(MethodSource::getClassName).orElse(top.getDisplayName());
  }

  /** The display text of a test set: its top-level class's {@code @DisplayName}, or null. */
  String setText(TestIdentifier id) {
    TestIdentifier top = topIdentifier(id);
    return isClass(top) ? displayNameAnnotation(top).orElse(null) : null;
  }

  /**
   * The child of the engine that holds a test: its top-level class. Inside a suite (an engine below
   * another), the class below the inner engine, not the suite class.
   */
  private TestIdentifier topIdentifier(TestIdentifier id) {
    TestIdentifier node = id;
    while (true) {
      TestIdentifier parent = parent(node);
      if (parent == null || parent(parent) == null || isEngine(parent) && isClassSource(node)) {
        return node;
      }
      node = parent;
    }
  }

  /**
   * Whether the last segment of its unique id is an engine's ({@code …/[engine:junit-jupiter]}).
   */
  private static boolean isEngine(TestIdentifier id) {
    String uniqueId = id.getUniqueId();
    return uniqueId.startsWith("[engine:", uniqueId.lastIndexOf('['));
  }

  private static boolean isClassSource(TestIdentifier id) {
    return id.getSource().filter(ClassSource.class::isInstance).isPresent();
  }

  /**
   * Method name, or the legacy reporting name of one invocation among several; inside a class
   * template, with the class invocation's index appended as Surefire appends it.
   */
  private String signature(TestIdentifier id, MethodSource method) {
    String legacy = id.getLegacyReportingName();
    String classInvocations = invocationSuffix(id, CLASS_TEMPLATE_INVOCATION);
    boolean parameterized =
        !method.getMethodParameterTypes().isBlank()
            || hasInvocationAncestor(id)
            || INVOCATION.matcher(legacy).matches()
            || !classInvocations.isEmpty();
    String signature = parameterized ? legacy : method.getMethodName();
    if (!classInvocations.isEmpty()) {
      String testInvocations = invocationSuffix(id, TEST_TEMPLATE_INVOCATION);
      String wanted = classInvocations + testInvocations;
      if (!signature.endsWith(wanted)) {
        signature =
            !testInvocations.isEmpty() && signature.endsWith(testInvocations)
                ? signature.substring(0, signature.length() - testInvocations.length()) + wanted
                : signature + classInvocations;
      }
    }
    return signature;
  }

  /** The test's display name after those of the factories and containers it comes from. */
  private String methodDisplay(TestIdentifier id) {
    List<String> parents = new ArrayList<>();
    for (TestIdentifier node = parent(id); node != null; node = parent(node)) {
      if (methodSource(node).isPresent()) {
        parents.add(node.getDisplayName());
      }
    }
    String parentDisplay = String.join(" ", parents);
    String display = id.getDisplayName();
    boolean space = !parentDisplay.isBlank() && !display.startsWith("[");
    return parentDisplay + (space ? " " : "") + display;
  }

  private static boolean hasDisplayName(TestIdentifier id, MethodSource method, String display) {
    String legacy = id.getLegacyReportingName();
    return !display.equals(legacy) || !legacy.startsWith(method.getMethodName() + '(');
  }

  private boolean hasInvocationAncestor(TestIdentifier id) {
    for (TestIdentifier node = parent(id); node != null; node = parent(node)) {
      if (node.getSource().isEmpty()
          && INVOCATION_CONTAINER.matcher(node.getLegacyReportingName()).matches()) {
        return true;
      }
    }
    return false;
  }

  /** {@code [2]} for each segment of that type in the unique id ({@code #2} as JUnit writes it). */
  private static String invocationSuffix(TestIdentifier id, String segmentType) {
    StringBuilder suffix = new StringBuilder();
    for (UniqueId.Segment segment : UniqueId.parse(id.getUniqueId()).getSegments()) {
      if (segment.getType().equals(segmentType)) {
        String value = segment.getValue();
        suffix.append('[').append(value.startsWith("#") ? value.substring(1) : value).append(']');
      }
    }
    return suffix.toString();
  }

  /** A class container's {@code @DisplayName}, else its legacy name (the class's binary name). */
  private String classDisplayName(TestIdentifier classNode) {
    if (classNode == null) {
      return null;
    }
    return displayNameAnnotation(classNode).orElse(classNode.getLegacyReportingName());
  }

  /**
   * The value of the class's own {@code @DisplayName}, as the stock provider reads it: the
   * annotation, not the display name JUnit computed (a display name generator does not count).
   */
  private Optional<String> displayNameAnnotation(TestIdentifier classNode) {
    if (!isClass(classNode)) {
      return Optional.empty();
    }
    ClassSource source = (ClassSource) classNode.getSource().get();
    return displayNameAnnotations.computeIfAbsent(
        source.getClassName(), name -> readDisplayName(source));
  }

  private static Optional<String> readDisplayName(ClassSource source) {
    try {
      Class<?> type = source.getJavaClass();
      @SuppressWarnings("unchecked")
      Class<? extends Annotation> displayName =
          (Class<? extends Annotation>) Class.forName(DISPLAY_NAME, false, type.getClassLoader());
      Annotation annotation = type.getAnnotation(displayName);
      if (annotation == null) {
        return Optional.empty();
      }
      Method value = displayName.getMethod("value");
      return Optional.ofNullable((String) value.invoke(annotation));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // Not Jupiter, or a class that cannot be loaded here: no display name, as for the stock one.
      return Optional.empty();
    }
  }

  /** The node itself if it is a class container, else its nearest ancestor that is one. */
  private TestIdentifier nearestClass(TestIdentifier id) {
    for (TestIdentifier node = id; node != null; node = parent(node)) {
      if (isClass(node)) {
        return node;
      }
    }
    return null;
  }

  private TestIdentifier parent(TestIdentifier id) {
    return id == null ? null : plan.getParent(id).orElse(null);
  }

  private static String className(TestIdentifier classNode) {
    return ((ClassSource) classNode.getSource().get()).getClassName();
  }

  static boolean isClass(TestIdentifier id) {
    return id.isContainer() && id.getSource().filter(ClassSource.class::isInstance).isPresent();
  }

  static Optional<MethodSource> methodSource(TestIdentifier id) {
    return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
  }
}
