package dev.jtest.core.services;

import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.IdentitySpec;
import dev.jtest.core.compose.LifecycleHook;
import dev.jtest.core.compose.ResourceSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ContainerFile;
import dev.jtest.core.engine.ContainerRequest;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.readiness.ServiceFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs a service's {@code pre_start} steps, compose's init containers: after the service's
 * container is created and before it starts, each step runs to completion in an ephemeral container
 * of its own, in order. A step runs the service's image (or its {@code image}), joins the service's
 * first network (without the service's aliases: its name must keep reaching the service), shares
 * its mounts and granted files, its environment (the step's entries over it), user and working
 * directory; it publishes no port. Its command runs as written, the image's entrypoint left out, as
 * a {@code post_start} command does. A step that does not exit 0 fails the service's start; its
 * output goes to the service's log either way.
 */
final class InitSteps {

  /** How long one step may run: compose waits for ever, a test run must end. */
  static final Duration TIMEOUT = LifecycleCommands.TIMEOUT;

  /** The most output lines of one step copied into the service's log. */
  private static final int LOG_LINES = 2000;

  private final Engine engine;

  InitSteps(Engine engine) {
    this.engine = engine;
  }

  /**
   * Runs the {@code pre_start} steps of the created {@code service}, whose container {@code
   * request} created, in order; every step's container is removed once it has ended.
   *
   * @param files what was copied into the service's container besides its image (secrets, configs,
   *     bind-mounted files on a remote engine), copied into each step's too
   * @throws ServiceFailedException naming the service, the step, its exit code and its output when
   *     one fails, cannot run, or outlasts {@link #TIMEOUT}
   */
  void run(ServiceRuntime service, ContainerRequest request, List<ContainerFile> files) {
    List<LifecycleHook> steps = service.spec().preStart();
    for (int i = 0; i < steps.size(); i++) {
      LifecycleHook step = steps.get(i);
      String failure = run(service, request, files, step, i);
      if (failure != null) {
        throw new ServiceFailedException(
            service.name(),
            LifecycleCommands.describe(service.spec(), "pre_start", i, step) + failure);
      }
    }
  }

  /** What went wrong with step {@code index}, or {@code null} when it exited 0. */
  private String run(
      ServiceRuntime service,
      ContainerRequest request,
      List<ContainerFile> files,
      LifecycleHook step,
      int index) {
    if (step.image() != null && engine.findImage(step.image()).isEmpty()) {
      try {
        engine.pullImage(step.image(), TIMEOUT);
      } catch (EngineException e) {
        return " cannot pull its image '"
            + step.image()
            + "': "
            + e.engineMessage()
            + ": build or load it first";
      }
    }
    String id;
    try {
      id = engine.createContainer(stepRequest(request, step, index));
    } catch (EngineException e) {
      return " could not be created: " + e.engineMessage();
    }
    try {
      if (!files.isEmpty()) {
        engine.copyToContainer(id, files);
      }
      engine.startContainer(id, request.name() + "-pre-start-" + index);
      Optional<ContainerFacts> ended = awaitExit(id);
      List<String> output = engine.logs(id, LOG_LINES);
      String prefix = "pre_start[" + index + "] | ";
      output.forEach(line -> service.log().append(prefix + line));
      if (ended.isEmpty()) {
        return " did not end within "
            + TIMEOUT.toMinutes()
            + " min"
            + LifecycleCommands.output(String.join("\n", output));
      }
      Integer code = ended.get().exitCode();
      return code != null && code == 0
          ? null
          : " failed with exit code " + code + LifecycleCommands.output(String.join("\n", output));
    } catch (EngineException e) {
      return " could not run: " + e.engineMessage();
    } finally {
      engine.removeContainer(id);
    }
  }

  /**
   * The step's container: the service's request with the step's image, command, user, working
   * directory, environment and privileges, no ports, no aliases and no healthcheck.
   */
  static ContainerRequest stepRequest(ContainerRequest service, LifecycleHook step, int index) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String entry : service.environment()) {
      int equals = entry.indexOf('=');
      environment.put(
          equals < 0 ? entry : entry.substring(0, equals),
          equals < 0 ? "" : entry.substring(equals + 1));
    }
    environment.putAll(step.environment());
    List<String> env = new ArrayList<>();
    environment.forEach((key, value) -> env.add(key + "=" + value));
    boolean ownNetwork = service.network() != null && !service.network().contains(":");
    return new ContainerRequest(
        service.name() + "-pre-start-" + index,
        step.image() != null ? step.image() : service.image(),
        null,
        step.command(),
        // An empty entrypoint runs the command as written, not as the image entrypoint's arguments.
        List.of(""),
        env,
        service.labels(),
        step.workingDir() != null ? step.workingDir() : service.workingDir(),
        step.user() != null ? step.user() : service.user(),
        List.of(),
        List.of(),
        service.mounts(),
        service.network(),
        List.of(),
        new HealthSpec(List.of("NONE"), null, null, null, null),
        null,
        Duration.ofSeconds(1),
        ownNetwork ? IdentitySpec.NONE : service.identity(),
        step.privileged() ? ResourceSpec.PRIVILEGED : ResourceSpec.NONE);
  }

  /** The step's facts once it has exited; empty when it still runs after {@link #TIMEOUT}. */
  private Optional<ContainerFacts> awaitExit(String id) {
    AtomicReference<ContainerFacts> last = new AtomicReference<>();
    try {
      Awaitility.await("pre_start step " + id)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .atMost(TIMEOUT)
          .until(
              () -> {
                Optional<ContainerFacts> facts = engine.inspect(id);
                facts.ifPresent(last::set);
                return facts.isEmpty() || facts.get().exited();
              });
    } catch (ConditionTimeoutException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(last.get());
  }
}
