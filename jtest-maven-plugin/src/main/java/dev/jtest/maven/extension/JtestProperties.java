package dev.jtest.maven.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code jtest.*} user properties jtest reads. Any other {@code -Djtest.x} is most likely a
 * typo and gets a warning, never a failure: users commonly define their own, such as {@code
 * jtest.version}.
 */
final class JtestProperties {

  static final Set<String> KNOWN =
      Set.of(
          "jtest.skip",
          "jtest.compose",
          "jtest.profiles",
          "jtest.keepRunning",
          "jtest.pullTimeout",
          "jtest.service",
          "jtest.follow",
          "jtest.tail",
          "jtest.workers",
          "jtest.dist",
          "jtest.k",
          "jtest.m",
          "jtest.debug",
          "jtest.durations",
          "jtest.coverage",
          "jtest.coverage.minimum",
          "jtest.cleanup.prefix",
          "jtest.dryRun",
          "jtest.cleanupAfterTests",
          "jtest.version");

  /** Endpoint properties that jtest itself sets: jtest.<service>.host|port|port.<n>|url. */
  private static final Pattern ENDPOINT =
      Pattern.compile("jtest\\.[^.]+\\.(host|port|url|port\\.\\d+)");

  private JtestProperties() {}

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
