package dev.jtest.maven.extension;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.cleanup.Cleanup;
import dev.jtest.core.compose.ComposeDurations;
import dev.jtest.core.compose.ComposeFiles;
import dev.jtest.core.coverage.CoverageRule;
import dev.jtest.settings.EndpointContract;
import dev.jtest.settings.InvalidSettingException;
import dev.jtest.settings.Keys;
import dev.jtest.settings.Setting;
import dev.jtest.settings.Settings;
import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.RunSettings;
import dev.jtest.surefire.affected.GitChanges;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the {@code jtest.*} user properties before anything starts (before the first unit test,
 * and whether coverage is on or not), so that a bad value fails the build at once, naming the
 * property, the value and what is accepted, instead of at the goal that reads it. Every value goes
 * through its owner's parser in {@link Settings}, the one the goals and the fork use; values with a
 * domain syntax then go through the core parser their goal calls, so the two cannot disagree.
 *
 * <p>Any other {@code -Djtest.x} is most likely a typo and gets a warning, never a failure.
 */
final class JtestProperties {

  /**
   * Checks one value with a domain parser; throws with a message that starts with {@code origin}.
   */
  @FunctionalInterface
  private interface Check {
    void check(String value, String origin, Path baseDir);
  }

  /** The parsers in core that a setting's text goes through besides its own. */
  private static final Map<String, Check> DOMAIN_CHECKS =
      Map.of(
          Keys.COMPOSE,
          (value, origin, baseDir) ->
              ComposeFiles.locate(baseDir, ComposeFiles.split(value), "-D" + Keys.COMPOSE),
          Keys.PULL_TIMEOUT,
          (value, origin, baseDir) -> {
            if (!value.isBlank()) {
              ComposeDurations.parse(value, origin);
            }
          },
          Keys.COVERAGE_MINIMUM,
          (value, origin, baseDir) -> CoverageRule.parse(value, origin),
          Keys.CLEANUP_PREFIX,
          (value, origin, baseDir) -> {
            try {
              Cleanup.checkPrefix(value);
            } catch (ConfigurationException e) {
              throw new ConfigurationException(origin + ": " + e.getMessage());
            }
          },
          Keys.AFFECTED,
          JtestProperties::checkAffectedRef);

  /** The names users may set: every user setting, and the pom's conventional jtest.version. */
  static final Set<String> KNOWN =
      Stream.concat(Settings.user().stream().map(Setting::name), Stream.of(Keys.VERSION))
          .collect(Collectors.toUnmodifiableSet());

  private JtestProperties() {}

  /**
   * Checks every {@code jtest.*} value of {@code properties}.
   *
   * @param properties the project's {@code jtest.*} properties as its goals see them
   * @param baseDir the project directory: relative paths resolve against it
   * @throws ConfigurationException naming the first property whose value is not accepted, its value
   *     and the accepted forms
   */
  static void validate(Map<String, String> properties, Path baseDir) {
    try {
      if (Settings.SKIP.read(properties::get)) {
        return; // No goal reads the others.
      }
      for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
        String value = entry.getValue();
        if (value == null || !KNOWN.contains(entry.getKey())) {
          continue;
        }
        Settings.find(entry.getKey()).ifPresent(setting -> setting.parse(value));
        Check check = DOMAIN_CHECKS.get(entry.getKey());
        if (check != null) {
          check.check(value, origin(entry.getKey(), value), baseDir);
        }
      }
      // The -k and -m expressions, parsed as the fork parses them.
      RunSettings.read(properties, baseDir, 1);
    } catch (InvalidSettingException e) {
      throw new ConfigurationException(e.getMessage());
    }
  }

  /**
   * An unknown git ref fails before anything is compiled or started; no git or no repository is
   * left to the test run, which then runs every test and says why.
   */
  private static void checkAffectedRef(String value, String origin, Path baseDir) {
    if (value.isBlank()) {
      return;
    }
    try {
      GitChanges.checkRef(value.trim(), baseDir);
    } catch (GitChanges.Unavailable e) {
      // The run says it once, with the reason.
    } catch (JtestRunException e) {
      throw new ConfigurationException(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String origin(String name, String value) {
    return Settings.find(name).orElseThrow().origin(value);
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
      if (key.startsWith(Keys.PREFIX)) {
        jtest.put(key, properties.getProperty(key));
      }
    }
    return jtest;
  }

  /** The {@code jtest.*} names in {@code properties} that jtest does not know, sorted. */
  static List<String> unknown(Properties properties) {
    List<String> unknown = new ArrayList<>();
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      if (name.startsWith(Keys.PREFIX)
          && !KNOWN.contains(name)
          && !EndpointContract.isEndpointKey(name)) {
        unknown.add(name);
      }
    }
    return unknown;
  }
}
