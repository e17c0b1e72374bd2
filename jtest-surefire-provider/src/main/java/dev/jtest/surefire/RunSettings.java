package dev.jtest.surefire;

import dev.jtest.surefire.plan.Distribution;
import dev.jtest.surefire.select.Expression;
import dev.jtest.surefire.select.Selection;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code jtest.*} settings of one test run, read from system properties (where Surefire puts
 * the user's {@code -D} options and the extension puts the pom's {@code jtest.*} properties).
 *
 * @param workers worker JVMs in the parallel phase (1 in debug mode)
 * @param debugPort the JDWP port of the single debug worker, or 0 when not debugging
 * @param durationsFile where recorded durations are read and written
 */
public record RunSettings(
    int workers,
    Distribution distribution,
    String keywordText,
    String markerText,
    Selection selection,
    int debugPort,
    Path durationsFile) {

  public static final String WORKERS = "jtest.workers";
  public static final String DIST = "jtest.dist";
  public static final String KEYWORDS = "jtest.k";
  public static final String MARKERS = "jtest.m";
  public static final String DEBUG = "jtest.debug";
  public static final String DURATIONS = "jtest.durations";

  /** The JDWP port of {@code -Djtest.debug} with no port, as for a plain {@code jdwp} agent. */
  public static final int DEFAULT_DEBUG_PORT = 5005;

  /**
   * Reads the settings; absent or blank values take their defaults.
   *
   * @param property looks a property up, null when it is not set
   * @param baseDir the project directory: relative paths resolve against it
   * @param processors what {@code jtest.workers=auto} means
   * @throws InvalidSettingException naming the property and the value at fault
   */
  public static RunSettings read(Function<String, String> property, Path baseDir, int processors) {
    int debugPort = debugPort(property.apply(DEBUG));
    int workers = workers(property.apply(WORKERS), processors);
    String dist = property.apply(DIST);
    Distribution distribution = isBlank(dist) ? Distribution.LOAD : Distribution.parse(dist);
    String k = blankToNull(property.apply(KEYWORDS));
    String m = blankToNull(property.apply(MARKERS));
    Selection selection =
        new Selection(
            k == null ? null : Expression.parse(KEYWORDS, k),
            m == null ? null : Expression.parse(MARKERS, m));
    String durations = property.apply(DURATIONS);
    Path durationsFile =
        baseDir.resolve(isBlank(durations) ? ".jtest/durations.json" : durations.trim());
    return new RunSettings(
        debugPort > 0 ? 1 : workers, distribution, k, m, selection, debugPort, durationsFile);
  }

  /** Reads the settings from a map of properties (for instance the session's). */
  public static RunSettings read(Map<String, String> properties, Path baseDir, int processors) {
    return read(properties::get, baseDir, processors);
  }

  public boolean debugging() {
    return debugPort > 0;
  }

  private static int workers(String value, int processors) {
    if (isBlank(value) || value.trim().equalsIgnoreCase("auto")) {
      return Math.max(1, processors);
    }
    try {
      int workers = Integer.parseInt(value.trim());
      if (workers > 0) {
        return workers;
      }
    } catch (NumberFormatException e) {
      // Falls through to the message below, which says what is accepted.
    }
    throw new InvalidSettingException(
        "Invalid jtest.workers=\""
            + value
            + "\": use auto (one worker per available processor) or a positive integer");
  }

  private static int debugPort(String value) {
    if (value == null || value.trim().equalsIgnoreCase("false")) {
      return 0;
    }
    // -Djtest.debug alone arrives as an empty string.
    if (value.isBlank() || value.trim().equalsIgnoreCase("true")) {
      return DEFAULT_DEBUG_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Falls through to the message below.
    }
    throw new InvalidSettingException(
        "Invalid jtest.debug=\"" + value + "\": use true (port 5005), false, or a port 1-65535");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.trim();
  }
}
