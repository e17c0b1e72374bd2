package dev.jtest.maven.extension;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.cleanup.Cleanup;
import dev.jtest.core.compose.ComposeDurations;
import dev.jtest.core.compose.ComposeFiles;
import dev.jtest.core.coverage.CoverageRule;
import dev.jtest.surefire.InvalidSettingException;
import dev.jtest.surefire.RunSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code jtest.*} user properties jtest reads, and the check of each value. The build extension
 * runs every check before anything starts (before the first unit test, and whether coverage is on
 * or not), so that a bad value fails the build at once, naming the property, the value and what is
 * accepted, instead of at the goal that reads it. Each check calls the parser the goal itself uses,
 * so the two cannot disagree.
 *
 * <p>Any other {@code -Djtest.x} is most likely a typo and gets a warning, never a failure: users
 * commonly define their own, such as {@code jtest.version}.
 */
final class JtestProperties {

  /** Checks one value; throws with a message that starts with {@code origin}. */
  @FunctionalInterface
  private interface Check {
    void check(String value, String origin, Path baseDir);
  }

  private static final Check NONE = (value, origin, baseDir) -> {};

  private static final Check BOOLEAN =
      (value, origin, baseDir) -> {
        if (!value.isBlank()
            && !value.trim().equalsIgnoreCase("true")
            && !value.trim().equalsIgnoreCase("false")) {
          throw new ConfigurationException(origin + ": use true or false");
        }
      };

  /** The run settings are read together by their owner, {@link RunSettings}. */
  private static final Set<String> RUN_SETTINGS =
      Set.of(
          RunSettings.WORKERS,
          RunSettings.DIST,
          RunSettings.KEYWORDS,
          RunSettings.MARKERS,
          RunSettings.DEBUG,
          RunSettings.DURATIONS);

  private static final Map<String, Check> CHECKS = checks();

  static final Set<String> KNOWN = CHECKS.keySet();

  /** Endpoint properties that jtest itself sets: jtest.<service>.host|port|port.<n>|url. */
  private static final Pattern ENDPOINT =
      Pattern.compile("jtest\\.[^.]+\\.(host|port|url|port\\.\\d+)");

  private JtestProperties() {}

  private static Map<String, Check> checks() {
    Map<String, Check> checks = new HashMap<>();
    for (String flag :
        List.of(
            "jtest.skip",
            "jtest.keepRunning",
            "jtest.follow",
            "jtest.coverage",
            "jtest.dryRun",
            "jtest.cleanupAfterTests")) {
      checks.put(flag, BOOLEAN);
    }
    checks.put(
        "jtest.compose",
        (value, origin, baseDir) ->
            ComposeFiles.locate(baseDir, ComposeFiles.split(value), "-Djtest.compose"));
    checks.put(
        "jtest.pullTimeout",
        (value, origin, baseDir) -> {
          if (!value.isBlank()) {
            ComposeDurations.parse(value, origin);
          }
        });
    checks.put(
        "jtest.tail",
        (value, origin, baseDir) -> {
          try {
            if (!value.isBlank()) {
              Integer.parseInt(value.trim());
            }
          } catch (NumberFormatException e) {
            throw new ConfigurationException(
                origin + ": use a number of lines, e.g. 100 (all lines when it is negative)");
          }
        });
    checks.put(
        "jtest.coverage.minimum", (value, origin, baseDir) -> CoverageRule.parse(value, origin));
    checks.put(
        "jtest.cleanup.prefix",
        (value, origin, baseDir) -> {
          try {
            Cleanup.checkPrefix(value);
          } catch (ConfigurationException e) {
            throw new ConfigurationException(origin + ": " + e.getMessage());
          }
        });
    // Compose profiles and the service of jtest:logs are checked against the compose files.
    checks.put("jtest.profiles", NONE);
    checks.put("jtest.service", NONE);
    checks.put("jtest.version", NONE);
    RUN_SETTINGS.forEach(name -> checks.put(name, NONE));
    return Map.copyOf(checks);
  }

  /**
   * Checks every {@code jtest.*} value of {@code properties}.
   *
   * @param properties the project's {@code jtest.*} properties as its goals see them
   * @param baseDir the project directory: relative paths resolve against it
   * @throws ConfigurationException naming the first property whose value is not accepted, its value
   *     and the accepted forms
   */
  static void validate(Map<String, String> properties, Path baseDir) {
    String skip = properties.get("jtest.skip");
    if (skip != null) {
      BOOLEAN.check(skip, "Invalid jtest.skip=\"" + skip + "\"", baseDir);
      if (skip.trim().equalsIgnoreCase("true")) {
        return; // No goal reads the others.
      }
    }
    for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
      Check check = CHECKS.get(entry.getKey());
      if (check != null && entry.getValue() != null) {
        String origin = "Invalid " + entry.getKey() + "=\"" + entry.getValue() + "\"";
        check.check(entry.getValue(), origin, baseDir);
      }
    }
    try {
      RunSettings.read(properties, baseDir, 1);
    } catch (InvalidSettingException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /**
   * The {@code jtest.*} properties of {@code project} as its goals see them: the pom's, overridden
   * by system properties, overridden by {@code -D} options.
   */
  static Map<String, String> effective(Properties project, Properties system, Properties user) {
    Map<String, String> effective = new HashMap<>(of(project));
    effective.putAll(of(system));
    effective.putAll(of(user));
    return effective;
  }

  /** The {@code jtest.*} entries of {@code properties}. */
  static Map<String, String> of(Properties properties) {
    Map<String, String> jtest = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("jtest.")) {
        jtest.put(key, properties.getProperty(key));
      }
    }
    return jtest;
  }

  /** The {@code jtest.*} names in {@code properties} that jtest does not know, sorted. */
  static List<String> unknown(Properties properties) {
    List<String> unknown = new ArrayList<>();
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      if (name.startsWith("jtest.")
          && !KNOWN.contains(name)
          && !ENDPOINT.matcher(name).matches()
          && !name.startsWith("jtest.it.")
          && !name.startsWith("jtest.format.")
          && !name.startsWith("jtest.demo.")) {
        unknown.add(name);
      }
    }
    return unknown;
  }
}
