package dev.jtest.core.services;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.DependencyGraph;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Removes a run with nothing left behind: stops its services gracefully, dependents first, saves
 * their logs, and removes everything labelled with the run — on a normal stop, on a failed start,
 * and from the shutdown hook on Ctrl-C or SIGTERM.
 */
final class Teardown {

  static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

  /** How long a stopped service's log stream may take to end before its log is fetched whole. */
  private static final long LOG_END_MILLIS = 2000;

  private final Engine engine;
  private final ComposeModel model;
  private final Map<String, ServiceRuntime> services;
  private final GuardedHooks hooks;
  private final RunIdentity identity;
  private final StackFiles files;
  private final StackListener listener;
  private final ExecutorService executor;
  private final AtomicBoolean aborted = new AtomicBoolean();
  private final AtomicBoolean removed = new AtomicBoolean();
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private volatile Thread shutdownHook;

  Teardown(
      Engine engine,
      ComposeModel model,
      Map<String, ServiceRuntime> services,
      GuardedHooks hooks,
      RunIdentity identity,
      StackFiles files,
      StackListener listener,
      ExecutorService executor) {
    this.engine = engine;
    this.model = model;
    this.services = services;
    this.hooks = hooks;
    this.identity = identity;
    this.files = files;
    this.listener = listener;
    this.executor = executor;
  }

  /** How long a stop of {@code spec} waits before SIGKILL: its stop_grace_period, else 10 s. */
  static Duration stopGrace(ServiceSpec spec) {
    return spec.stopGracePeriod() == null ? DEFAULT_STOP_GRACE : spec.stopGracePeriod();
  }

  /** Whether the removal has begun: a start still under way must not create anything more. */
  boolean aborted() {
    return aborted.get();
  }

  /** Whether the JVM began to shut down while the stack ran (Ctrl-C, SIGTERM). */
  boolean interrupted() {
    return interrupted.get();
  }

  /** Runs {@code onShutdown} when the JVM shuts down before {@link #removeHook()}. */
  void installHook(Runnable onShutdown) {
    Thread hook = new Thread(onShutdown, "jtest-shutdown");
    shutdownHook = hook;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Unregisters the shutdown hook, unless called from it. */
  void removeHook() {
    Thread hook = shutdownHook;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and runs the hook itself.
      }
    }
  }

  /**
   * What the shutdown hook does when the JVM shuts down while the stack runs: removes it. From here
   * on, a service that exits or a start that is cancelled is this removal's doing, and is reported
   * as the interruption.
   *
   * @param whileServicesRan whether the stack was ready, so that tests may have been running
   */
  void interrupt(boolean whileServicesRan) {
    interrupted.set(true);
    if (!removed.get()) {
      listener.warn(
          whileServicesRan
              ? "interrupted (Ctrl-C or SIGTERM) while the services ran: tests that were running did"
                  + " not finish, so any test count printed from here on is incomplete and no"
                  + " result; removing the services of run "
                  + identity.runId()
              : "interrupted (Ctrl-C or SIGTERM): removing the services of run "
                  + identity.runId());
    }
    // Also when the build's own stop is removing the stack: the JVM halts once the hooks have
    // ended, so this one waits for that removal to finish rather than end halfway.
    run();
  }

  /** Removes the run (see {@link #run()}), then unregisters the shutdown hook. Idempotent. */
  void stop() {
    run();
    removeHook();
  }

  /**
   * Removes the run. Exclusive: on Ctrl-C the shutdown hook and the build's own jtest:stop may both
   * get here, and the later one must wait until the removal is done, not return while it runs (its
   * caller would close the engine connection under the hook's feet).
   */
  synchronized void run() {
    if (!removed.compareAndSet(false, true)) {
      return;
    }
    aborted.set(true);
    try {
      for (List<String> wave : DependencyGraph.of(model.services()).stopOrder()) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (String name : wave) {
          ServiceRuntime service = services.get(name);
          if (service.containerId() != null) {
            Duration grace = stopGrace(service.spec());
            stops.add(CompletableFuture.runAsync(() -> stopQuietly(service, grace), executor));
          }
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
      }
    } catch (RuntimeException e) {
      listener.warn("stopping the services: " + e.getMessage());
    } finally {
      hooks.stopped();
      for (ServiceRuntime service : services.values()) {
        service.closeFollower();
        service.log().close();
      }
      try {
        new Sweeper(engine).removeRun(identity.runId());
      } catch (RuntimeException e) {
        listener.warn(
            "removing the services of run "
                + identity.runId()
                + " failed: "
                + e.getMessage()
                + "; the next start removes them");
      }
      files.deleteState();
      executor.shutdownNow();
    }
    listener.info("services stopped and removed; logs in " + files.logs());
  }

  private void stopQuietly(ServiceRuntime service, Duration grace) {
    String id = service.containerId();
    try {
      // A container that exited (a one-shot service, a crash) has nowhere to run the hook.
      if (!service.spec().preStop().isEmpty()
          && engine.inspect(id).map(ContainerFacts::running).orElse(false)) {
        new LifecycleCommands(engine).preStop(service).forEach(listener::warn);
      }
      hooks.beforeStop(service);
      engine.stopContainer(id, grace);
      hooks.afterStop(service, () -> engine.inspect(id));
      // A log stream that did not end captured nothing: fetch the whole log once.
      if (!service.log().awaitEnd(LOG_END_MILLIS) && service.log().count() == 0) {
        service.log().replaceWith(engine.logs(id, -1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      listener.warn(service.name() + ": stop failed: " + e.getMessage());
    }
  }
}
