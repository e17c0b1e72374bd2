package dev.jtest.surefire;

import java.util.List;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.EngineFilter;

/**
 * Which of the test engines on the class path a run may use. jtest's extension puts the JUnit
 * Vintage engine beside the provider, without JUnit 4, because stock Surefire (3.6 and newer) adds
 * it when {@code junit:junit} is on the test class path, which is not known before the build
 * resolves it; the engine runs only where the tests' class path has JUnit 4.12 or newer, as with
 * stock Surefire. Discovery and every worker's requests use the same filters.
 */
public final class Engines {

  static final String VINTAGE = "junit-vintage";

  private Engines() {}

  /** The engine filters for a run whose test classes load from {@code testClassLoader}. */
  public static List<Filter<?>> filters(ClassLoader testClassLoader) {
    return hasJUnit4(testClassLoader) ? List.of() : List.of(EngineFilter.excludeEngines(VINTAGE));
  }

  static boolean hasJUnit4(ClassLoader loader) {
    try {
      Class<?> version = Class.forName("junit.runner.Version", false, loader);
      return supported((String) version.getMethod("id").invoke(null));
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return false;
    }
  }

  /** 4.12 or newer: what the Vintage engine runs on. */
  static boolean supported(String junitVersion) {
    String[] parts = junitVersion.split("[.-]");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > 4 || major == 4 && minor >= 12;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
