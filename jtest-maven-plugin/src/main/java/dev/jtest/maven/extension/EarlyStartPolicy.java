package dev.jtest.maven.extension;

import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Whether a project's stack may start in the background when its build begins ({@code
 * jtest.earlyStart}): only when the build will run {@code jtest:start} with settings the extension
 * can read exactly as the goal will, and nothing tells jtest or the tests to skip.
 */
final class EarlyStartPolicy {

  /** The default lifecycle's phases that run {@code pre-integration-test} first. */
  static final Set<String> REACHING_PHASES =
      Set.of(
          "pre-integration-test",
          "integration-test",
          "post-integration-test",
          "verify",
          "install",
          "deploy");

  /** The clean lifecycle: it deletes {@code target/}, where the stack writes its files. */
  static final Set<String> CLEAN_PHASES = Set.of("pre-clean", "clean", "post-clean");

  /**
   * The parameters of {@code jtest:start} a {@code <configuration>} may set: only the goal sees
   * them, so the extension cannot start with the same values.
   */
  static final Set<String> START_PARAMETERS =
      Set.of(
          "skip",
          "composeFiles",
          "compose",
          "profiles",
          "keepRunning",
          "withCoverage",
          "pullTimeout",
          "bindAddress");

  /** Switches under which jtest or the tests they start services for do not run. */
  static final List<String> SKIPS = List.of(Keys.SKIP, "skipTests", "skipITs", "maven.test.skip");

  private EarlyStartPolicy() {}

  /**
   * Why the project's stack may not start early, or empty when it may.
   *
   * @param goals the tasks of the command line, as Maven received them
   * @param property the project's properties as its goals read them (-D over system over pom)
   * @param jtest the project's jtest plugin, with the executions the extension bound
   */
  static Optional<String> refusal(
      List<String> goals, Function<String, String> property, Plugin jtest) {
    if (!Settings.EARLY_START.read(property)) {
      return Optional.of(Keys.EARLY_START + "=false");
    }
    if (!reachesStart(goals)) {
      return Optional.of("the build does not reach pre-integration-test (" + goals + ")");
    }
    for (String skip : SKIPS) {
      String value = property.apply(skip);
      if (value != null && (value.isBlank() || Boolean.parseBoolean(value.trim()))) {
        return Optional.of(skip + " is set");
      }
    }
    if (Settings.COVERAGE.read(property)) {
      // The covered packages are read from compiled classes, which do not exist yet.
      return Optional.of("coverage is on");
    }
    Optional<String> configured = configuredStartParameter(jtest);
    return configured.map(
        name -> "<" + name + "> is configured in the pom, which only the goal reads");
  }

  /**
   * Whether a phase of the command line runs the pom's {@code jtest:start}: one from {@code
   * pre-integration-test} on. A command line that names {@code jtest:start} itself gains nothing
   * (no earlier phase to hide behind), and Maven runs such a goal in a class realm of its own,
   * where the extension's stack cannot be handed over.
   */
  static boolean reachesStart(List<String> goals) {
    return goals.stream().anyMatch(REACHING_PHASES::contains);
  }

  /**
   * The first {@code jtest:start} parameter set in the plugin's or a start execution's
   * configuration.
   */
  private static Optional<String> configuredStartParameter(Plugin jtest) {
    List<Object> configurations = new java.util.ArrayList<>();
    configurations.add(jtest.getConfiguration());
    for (PluginExecution execution : jtest.getExecutions()) {
      if (execution.getGoals().contains("start")) {
        configurations.add(execution.getConfiguration());
      }
    }
    for (Object configuration : configurations) {
      if (configuration instanceof Xpp3Dom dom) {
        for (Xpp3Dom child : dom.getChildren()) {
          if (START_PARAMETERS.contains(child.getName())) {
            return Optional.of(child.getName());
          }
        }
      }
    }
    return Optional.empty();
  }
}
