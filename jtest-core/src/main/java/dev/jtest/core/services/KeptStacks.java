package dev.jtest.core.services;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.LabelledResource;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What earlier builds of the project left on the engine: resources of builds that are gone are
 * swept, and a stack kept with {@code jtest.keepRunning} is reused as it runs when it still fits,
 * removed otherwise, or stopped on request ({@code jtest:stop}).
 */
final class KeptStacks {

  private final Engine engine;
  private final StackFiles files;
  private final StackListener listener;

  /**
   * @param workDir {@code target/jtest}, where a kept stack is recorded
   */
  KeptStacks(Engine engine, Path workDir, StackListener listener) {
    this.engine = engine;
    this.files = new StackFiles(workDir);
    this.listener = listener;
  }

  /** Removes what earlier runs of the project left behind whose owner process is gone. */
  void sweep(String projectId) {
    Sweeper sweeper = new Sweeper(engine);
    List<LabelledResource> leftovers = sweeper.leftovers(projectId);
    if (!leftovers.isEmpty()) {
      listener.info(
          "removing "
              + leftovers.size()
              + " resource(s) left by an earlier run whose build is gone");
      sweeper.remove(leftovers);
    }
  }

  /**
   * Whether an earlier build recorded a stack here: one kept with {@code jtest.keepRunning}, or one
   * whose build died. Then {@link #takeOver} has work to do, after the sweep.
   */
  boolean recorded() {
    return files.hasState();
  }

  /**
   * The kept stack, adopted as it runs, when {@code model} is unchanged, every service still runs
   * (healthy, where it has a healthcheck) on the image it would get now, and no hooks need to see
   * the services start. Otherwise removes the kept stack, and forgets a state file left by a build
   * that died (the sweep removed its resources).
   */
  Optional<Stack> takeOver(ComposeModel model, Stack.Options options) {
    Optional<StackState> kept = files.readState();
    if (kept.isPresent() && kept.get().keep() && options.hooks() == ServiceHooks.NONE) {
      Optional<Stack> reusable = reuse(model, options, kept.get());
      if (reusable.isPresent()) {
        return reusable;
      }
      listener.info(
          "removing the kept stack (run "
              + kept.get().runId()
              + "): it no longer matches the compose model or a service stopped");
      new Sweeper(engine).removeRun(kept.get().runId());
    }
    kept.ifPresent(ignored -> files.deleteState());
    return Optional.empty();
  }

  /**
   * Stops the stack recorded in the work directory, saving its logs.
   *
   * @return whether there was one
   */
  boolean stopRecorded() {
    Optional<StackState> state = files.readState();
    if (state.isEmpty()) {
      return false;
    }
    StackState kept = state.get();
    for (Map.Entry<String, StackState.Container> entry : kept.services().entrySet()) {
      String id = entry.getValue().id();
      long grace = entry.getValue().stopGraceMillis();
      engine.stopContainer(id, grace > 0 ? Duration.ofMillis(grace) : Teardown.DEFAULT_STOP_GRACE);
      List<String> lines = engine.logs(id, -1);
      ServiceLog log = files.newLog(entry.getKey());
      lines.forEach(log::append);
      log.close();
    }
    new Sweeper(engine).removeRun(kept.runId());
    files.deleteState();
    listener.info("removed the kept stack (run " + kept.runId() + "); logs in " + files.logs());
    return true;
  }

  /**
   * Whether the kept container passes its healthcheck: the engine's status, or on an engine that
   * runs none (Podman without systemd) one run of the check now.
   */
  private boolean healthy(ContainerFacts facts) {
    if (!facts.hasHealthcheck()) {
      return true;
    }
    if (engine.info().runsHealthchecks()) {
      return "healthy".equals(facts.health());
    }
    HealthSpec check = facts.healthcheck();
    Duration timeout = check.timeout() == null ? HealthSpec.DEFAULT_TIMEOUT : check.timeout();
    return engine.exec(facts.id(), check.command(), List.of(), timeout).succeeded();
  }

  private Optional<Stack> reuse(ComposeModel model, Stack.Options options, StackState kept) {
    if (!kept.fingerprint().equals(model.fingerprint())
        || !kept.services().keySet().equals(model.services().keySet())) {
      return Optional.empty();
    }
    ImageResolver images =
        new ImageResolver(engine, listener, kept.projectId(), options.pullTimeout());
    Map<String, ContainerFacts> running = new LinkedHashMap<>();
    for (ServiceSpec spec : model.services().values()) {
      Optional<ContainerFacts> facts = engine.inspect(kept.services().get(spec.name()).id());
      boolean healthy = facts.isPresent() && facts.get().running() && healthy(facts.get());
      // A rebuild is a cache hit when nothing changed; Podman's cache may answer with an equal
      // image under another id, so the content decides, not the id.
      if (!healthy
          || (spec.build() != null
              && !engine.sameImageContent(images.resolve(spec), facts.get().imageId()))) {
        return Optional.empty();
      }
      running.put(spec.name(), facts.get());
    }
    RunIdentity owner = RunIdentity.create(options.projectDir());
    RunIdentity identity =
        new RunIdentity(
            kept.runId(), kept.projectId(), owner.pid(), owner.host(), owner.processStart());
    Stack stack = new Stack(engine, model, options, listener, identity, true);
    for (ServiceRuntime service : stack.services().values()) {
      StackState.Container container = kept.services().get(service.name());
      ServiceLog log = service.log();
      log.replaceWith(List.of());
      Closeable follower = engine.followLogs(container.id(), log::append, log::markEnded);
      service.adopted(
          container,
          PublishedPorts.byContainerPort(running.get(service.name())),
          follower,
          Instant.now());
    }
    stack.adopted(StackResources.recorded(kept));
    files.writeEndpoints(stack.endpoints());
    listener.info(
        "reusing the stack kept by an earlier build (run "
            + kept.runId()
            + "): compose model unchanged, every service running");
    return Optional.of(stack);
  }
}
