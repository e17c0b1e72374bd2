package dev.jtest.maven.extension;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Binds {@code jtest:start} and {@code jtest:ready} to {@code pre-integration-test}, {@code
 * jtest:stop} to {@code post-integration-test}, after Failsafe's {@code integration-test} (services
 * are stopped and their logs saved whether the tests pass or fail), and {@code jtest:report} to
 * {@code verify}. A user's own execution of a goal replaces jtest's default binding of it.
 *
 * <p>Each execution gets a copy of the plugin's own {@code <configuration>}: Maven merges it into
 * the executions of the POM while it builds the model, before an extension adds any, and reads only
 * the execution's configuration for a bound goal.
 */
final class ServiceGoals {

  static final String START_EXECUTION = "jtest-start";
  static final String STOP_EXECUTION = "jtest-stop";
  static final String REPORT_EXECUTION = "jtest-coverage-report";
  static final String CLEANUP_EXECUTION = "jtest-cleanup";

  private ServiceGoals() {}

  static void bind(Plugin plugin) {
    Xpp3Dom shared = (Xpp3Dom) plugin.getConfiguration();
    if (!declares(plugin, "start") && !declares(plugin, "ready")) {
      plugin.addExecution(
          execution(START_EXECUTION, "pre-integration-test", List.of("start", "ready"), shared));
    }
    if (!declares(plugin, "cleanup")) {
      // Before jtest:stop in the same phase: executions of one plugin run in declaration order.
      Xpp3Dom configuration = new Xpp3Dom("configuration");
      Xpp3Dom afterTests = new Xpp3Dom("afterTests");
      afterTests.setValue("true");
      configuration.addChild(afterTests);
      plugin.addExecution(
          execution(
              CLEANUP_EXECUTION,
              "post-integration-test",
              List.of("cleanup"),
              shared == null
                  ? configuration
                  : Xpp3Dom.mergeXpp3Dom(configuration, new Xpp3Dom(shared))));
    }
    if (!declares(plugin, "stop")) {
      plugin.addExecution(
          execution(STOP_EXECUTION, "post-integration-test", List.of("stop"), shared));
    }
    if (!declares(plugin, "report")) {
      // Does nothing unless coverage is on.
      plugin.addExecution(execution(REPORT_EXECUTION, "verify", List.of("report"), shared));
    }
  }

  /**
   * Puts jtest before Failsafe in the build's plugins: goals bound to the same phase run in plugin
   * order, and the coverage report must be written before Failsafe's verify fails a red build.
   */
  static void orderBeforeFailsafe(org.apache.maven.model.Build build, Plugin jtest) {
    List<Plugin> plugins = build.getPlugins();
    int jtestIndex = plugins.indexOf(jtest);
    for (int i = 0; i < jtestIndex; i++) {
      if ("maven-failsafe-plugin".equals(plugins.get(i).getArtifactId())) {
        plugins.remove(jtestIndex);
        plugins.add(i, jtest);
        build.setPlugins(plugins);
        return;
      }
    }
  }

  private static boolean declares(Plugin plugin, String goal) {
    return plugin.getExecutions().stream().anyMatch(e -> e.getGoals().contains(goal));
  }

  private static PluginExecution execution(
      String id, String phase, List<String> goals, Xpp3Dom configuration) {
    PluginExecution execution = new PluginExecution();
    if (configuration != null) {
      execution.setConfiguration(new Xpp3Dom(configuration));
    }
    execution.setId(id);
    execution.setPhase(phase);
    goals.forEach(execution::addGoal);
    return execution;
  }
}
