package dev.jtest.maven.extension;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;

/**
 * Binds {@code jtest:start} and {@code jtest:ready} to {@code pre-integration-test} and {@code
 * jtest:stop} to {@code post-integration-test}, after Failsafe's {@code integration-test}: services
 * are stopped and their logs saved whether the tests pass or fail. A user's own execution of a goal
 * replaces jtest's default binding of it.
 */
final class ServiceGoals {

  static final String START_EXECUTION = "jtest-start";
  static final String STOP_EXECUTION = "jtest-stop";

  private ServiceGoals() {}

  static void bind(Plugin plugin) {
    if (!declares(plugin, "start") && !declares(plugin, "ready")) {
      plugin.addExecution(
          execution(START_EXECUTION, "pre-integration-test", List.of("start", "ready")));
    }
    if (!declares(plugin, "stop")) {
      plugin.addExecution(execution(STOP_EXECUTION, "post-integration-test", List.of("stop")));
    }
  }

  private static boolean declares(Plugin plugin, String goal) {
    return plugin.getExecutions().stream().anyMatch(e -> e.getGoals().contains(goal));
  }

  private static PluginExecution execution(String id, String phase, List<String> goals) {
    PluginExecution execution = new PluginExecution();
    execution.setId(id);
    execution.setPhase(phase);
    goals.forEach(execution::addGoal);
    return execution;
  }
}
