package dev.jtest.surefire.coordinator;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import dev.jtest.surefire.Engines;
import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.plan.TestItem;
import dev.jtest.surefire.select.Selection;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Finds this run's tests with the JUnit Platform launcher, as Surefire's provider would (the
 * scanned classes, {@code groups}/{@code excludedGroups}, {@code -Dtest} method patterns), then
 * applies {@code jtest.k}/{@code jtest.m} and decides what must stay together.
 */
final class Discovery {

  /** The serial tag: {@code @Serial} carries it, and a plain {@code @Tag("serial")} counts too. */
  static final String SERIAL_TAG = "serial";

  private static final String JUPITER = "[engine:junit-jupiter]";

  /**
   * @param selected the tests to run, in discovery order
   * @param deselected how many discovered tests {@code jtest.k}/{@code jtest.m} left out
   */
  record Result(List<TestItem> selected, int deselected) {}

  private final Launcher launcher;
  private final ClassLoader loader;
  private final Map<String, String> configuration;
  private final Map<String, String> wholeKeys = new HashMap<>();
  private final Map<String, String> moduleKeys = new HashMap<>();

  Discovery(Launcher launcher, ClassLoader loader, Map<String, String> configuration) {
    this.launcher = launcher;
    this.loader = loader;
    this.configuration = configuration;
  }

  /**
   * @param classNames the classes Surefire's scan found for this run's includes and excludes
   * @param groups {@code groups} (a JUnit tag expression), or null
   * @param excludedGroups {@code excludedGroups}, or null
   * @param tests the {@code -Dtest}/{@code -Dit.test} resolver
   */
  TestPlan discover(
      List<String> classNames, String groups, String excludedGroups, TestListResolver tests) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (String name : classNames) {
      selectors.add(DiscoverySelectors.selectClass(load(name)));
    }
    List<Filter<?>> filters = new ArrayList<>(Engines.filters(loader));
    if (groups != null && !groups.isBlank()) {
      filters.add(TagFilter.includeTags(split(groups)));
    }
    if (excludedGroups != null && !excludedGroups.isBlank()) {
      filters.add(TagFilter.excludeTags(split(excludedGroups)));
    }
    TestListResolver methodFilter = TestListResolver.optionallyWildcardFilter(tests);
    if (!methodFilter.isEmpty() && !methodFilter.isWildcard()) {
      filters.add(methodPatternFilter(methodFilter));
    }
    return launcher.discover(
        request()
            .selectors(selectors)
            .filters(filters.toArray(new Filter<?>[0]))
            .configurationParameters(configuration)
            .build());
  }

  /** Cuts a plan into items and applies the {@code -k}/{@code -m} selection. */
  Result items(TestPlan plan, Selection selection) {
    List<TestItem> selected = new ArrayList<>();
    int[] deselected = {0};
    for (TestIdentifier engine : plan.getRoots()) {
      boolean jupiter = engine.getUniqueId().equals(JUPITER);
      for (TestIdentifier child : plan.getChildren(engine)) {
        if (jupiter) {
          collect(plan, child, null, selection, selected, deselected);
        } else {
          // Another engine's class is one item: Vintage, asked for one test of a JUnit 3 suite
          // by its unique id, runs every test of that name in the suite (Guava's testlib suites
          // repeat names hundreds of times), so its tests cannot be handed out one by one.
          select(child, null, selection, selected, deselected);
        }
      }
    }
    return new Result(selected, deselected[0]);
  }

  private void select(
      TestIdentifier node,
      String topClass,
      Selection selection,
      List<TestItem> selected,
      int[] deselected) {
    TestItem item = item(node, topClass);
    Set<String> tags = node.getTags().stream().map(TestTag::getName).collect(Collectors.toSet());
    if (selection.selects(names(node, item), tags)) {
      selected.add(item);
    } else {
      deselected[0]++;
    }
  }

  private void collect(
      TestPlan plan,
      TestIdentifier node,
      String topClass,
      Selection selection,
      List<TestItem> selected,
      int[] deselected) {
    boolean method = node.getSource().filter(MethodSource.class::isInstance).isPresent();
    // A container with nothing below it at discovery registers its tests as it runs: a class
    // template (@ParameterizedClass) is one item, its invocations' tests come with it.
    boolean runtimeTests = node.isContainer() && plan.getChildren(node).isEmpty();
    if (method || (node.isTest() && !node.isContainer()) || runtimeTests) {
      select(node, topClass, selection, selected, deselected);
      return;
    }
    String top = topClass;
    if (top == null) {
      top =
          node.getSource()
              .filter(ClassSource.class::isInstance)
              .map(s -> ((ClassSource) s).getClassName())
              .orElse(node.getDisplayName());
    }
    for (TestIdentifier child : plan.getChildren(node)) {
      collect(plan, child, top, selection, selected, deselected);
    }
  }

  private TestItem item(TestIdentifier node, String topClass) {
    MethodSource source =
        node.getSource()
            .filter(MethodSource.class::isInstance)
            .map(MethodSource.class::cast)
            .orElse(null);
    String className =
        source != null
            ? source.getClassName()
            : node.getSource()
                .filter(ClassSource.class::isInstance)
                .map(s -> ((ClassSource) s).getClassName())
                .orElse(topClass != null ? topClass : node.getDisplayName());
    String top = topClass == null ? className : topClass;
    boolean serial = node.getTags().stream().anyMatch(t -> t.getName().equals(SERIAL_TAG));
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String name = source == null ? node.getDisplayName() : source.getMethodName();
    String label = simple + "." + name;
    return new TestItem(
        node.getUniqueId(),
        className,
        top,
        moduleKey(className),
        wholeKey(className, top),
        serial,
        name,
        label);
  }

  /** What a {@code -k} term may match: class simple names, qualified names, method, display. */
  private static List<String> names(TestIdentifier node, TestItem item) {
    List<String> names = new ArrayList<>();
    names.add(item.className());
    names.add(item.topClass());
    String simple = item.className().substring(item.className().lastIndexOf('.') + 1);
    names.addAll(Arrays.asList(simple.split("\\$")));
    node.getSource()
        .filter(MethodSource.class::isInstance)
        .map(s -> ((MethodSource) s).getMethodName())
        .ifPresent(names::add);
    names.add(node.getDisplayName());
    return names;
  }

  /**
   * The key of the group a class's tests must run in together, or null when they may be split. A
   * class holding {@code @Nested} classes stays whole with them (their enclosing instance);
   * otherwise a class stays whole when it orders its methods, shares one instance, or asks for
   * {@code SAME_THREAD}.
   */
  private String wholeKey(String className, String topClass) {
    return wholeKeys.computeIfAbsent(
        className,
        name -> {
          if (hasNested(load(topClass))) {
            return "whole|" + topClass;
          }
          return keepsWhole(load(name)) ? "whole|" + name : null;
        });
  }

  private String moduleKey(String className) {
    return moduleKeys.computeIfAbsent(className, name -> SourceFiles.of(load(name)));
  }

  private boolean keepsWhole(Class<?> type) {
    if ("per_class".equalsIgnoreCase(setting("junit.jupiter.testinstance.lifecycle.default"))) {
      return true;
    }
    for (Annotation annotation : type.getAnnotations()) {
      String name = annotation.annotationType().getName();
      if (name.equals("org.junit.jupiter.api.TestMethodOrder")) {
        return true;
      }
      if (name.equals("org.junit.jupiter.api.TestInstance")
          && "PER_CLASS".equals(value(annotation))) {
        return true;
      }
      if (name.equals("org.junit.jupiter.api.parallel.Execution")
          && "SAME_THREAD".equals(value(annotation))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code type} runs {@code @Nested} classes: its own, or those it inherits from a
   * superclass (an abstract contract test), which Jupiter runs with the concrete class's instance.
   */
  static boolean hasNested(Class<?> type) {
    for (Class<?> declaring = type;
        declaring != null && declaring != Object.class;
        declaring = declaring.getSuperclass()) {
      for (Class<?> member : declaring.getDeclaredClasses()) {
        for (Annotation annotation : member.getAnnotations()) {
          if (annotation.annotationType().getName().equals("org.junit.jupiter.api.Nested")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String value(Annotation annotation) {
    try {
      Method value = annotation.annotationType().getMethod("value");
      return String.valueOf(value.invoke(annotation));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** A JUnit setting as JUnit resolves it: parameters, system property, properties file. */
  private String setting(String key) {
    String value = configuration.get(key);
    if (value == null) {
      value = System.getProperty(key);
    }
    if (value == null) {
      try (InputStream in = loader.getResourceAsStream("junit-platform.properties")) {
        if (in != null) {
          Properties properties = new Properties();
          properties.load(in);
          value = properties.getProperty(key);
        }
      } catch (IOException e) {
        // As JUnit does: an unreadable file sets nothing.
      }
    }
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }

  private Class<?> load(String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw JtestRunException.unloadableTestClass(name, e);
    }
  }

  private static List<String> split(String list) {
    List<String> parts = new ArrayList<>();
    for (String part : list.split(",")) {
      if (!part.isBlank()) {
        parts.add(part.trim());
      }
    }
    return parts;
  }

  private static PostDiscoveryFilter methodPatternFilter(TestListResolver resolver) {
    return descriptor ->
        FilterResult.includedIf(
            descriptor
                .getSource()
                .filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast)
                .map(
                    s ->
                        resolver.shouldRun(
                            TestListResolver.toClassFileName(s.getClassName()), s.getMethodName()))
                .orElse(true));
  }
}
