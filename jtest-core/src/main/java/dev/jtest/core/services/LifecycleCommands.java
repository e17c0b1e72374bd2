package dev.jtest.core.services;

import dev.jtest.core.compose.LifecycleHook;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.engine.ExecCommand;
import dev.jtest.core.engine.ExecResult;
import dev.jtest.core.readiness.ServiceFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a service's compose lifecycle hooks in its container: {@code post_start} right after the
 * container starts, before jtest waits for it to be ready, where a failing hook fails the service's
 * start as {@code docker compose up} fails; {@code pre_stop} before its graceful stop, where a
 * failing hook is a warning, as the stack must be removed whatever the hook does.
 */
final class LifecycleCommands {

  /**
   * How long one hook may run. Compose waits for ever; a test run must end, and a hook that runs
   * longer than this is better done by a service of its own with {@code
   * service_completed_successfully}.
   */
  static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** How many lines of a failed hook's output its message shows. */
  private static final int OUTPUT_LINES = 20;

  private final Engine engine;

  LifecycleCommands(Engine engine) {
    this.engine = engine;
  }

  /**
   * Runs the {@code post_start} hooks of the started {@code service}, in order.
   *
   * @throws ServiceFailedException naming the service, the hook, its exit code and its output when
   *     one fails or outlasts {@link #TIMEOUT}
   */
  void postStart(ServiceRuntime service) {
    List<LifecycleHook> hooks = service.spec().postStart();
    for (int i = 0; i < hooks.size(); i++) {
      String failure = run(service, hooks.get(i));
      if (failure != null) {
        throw new ServiceFailedException(
            service.name(), describe(service.spec(), "post_start", i, hooks.get(i)) + failure);
      }
    }
  }

  /**
   * Runs the {@code pre_stop} hooks of {@code service}, in order, while its container still runs.
   *
   * @return one warning per hook that failed
   */
  List<String> preStop(ServiceRuntime service) {
    List<String> warnings = new ArrayList<>();
    List<LifecycleHook> hooks = service.spec().preStop();
    for (int i = 0; i < hooks.size(); i++) {
      String failure = run(service, hooks.get(i));
      if (failure != null) {
        warnings.add(
            describe(service.spec(), "pre_stop", i, hooks.get(i))
                + failure
                + "\njtest stops the service all the same");
      }
    }
    return warnings;
  }

  /** What went wrong with {@code hook}, or {@code null} when it succeeded. */
  private String run(ServiceRuntime service, LifecycleHook hook) {
    List<String> environment = new ArrayList<>();
    hook.environment().forEach((key, value) -> environment.add(key + "=" + value));
    ExecResult result;
    try {
      result =
          engine.exec(
              service.containerId(),
              new ExecCommand(
                  hook.command(), environment, hook.user(), hook.privileged(), hook.workingDir()),
              TIMEOUT);
    } catch (EngineException e) {
      return " could not run: " + e.getMessage();
    }
    if (result.succeeded()) {
      return null;
    }
    String outcome =
        result.exitCode() == null
            ? " did not end within " + TIMEOUT.toMinutes() + " min"
            : " failed with exit code " + result.exitCode();
    return outcome + output(result.output());
  }

  /** {@code compose.yaml:14: service 'api': post_start[0] (sh -c ./migrate.sh)}. */
  static String describe(ServiceSpec spec, String key, int index, LifecycleHook hook) {
    return hook.location()
        + ": service '"
        + spec.name()
        + "': "
        + key
        + "["
        + index
        + "] ("
        + String.join(" ", hook.command())
        + ")";
  }

  /** The end of a failed command's message: its last lines of output, or that it wrote none. */
  static String output(String output) {
    List<String> lines = output.lines().toList();
    if (lines.isEmpty()) {
      return "; it wrote no output";
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size());
    return "; the last "
        + tail.size()
        + " line(s) of its output:\n  | "
        + String.join("\n  | ", tail);
  }
}
