package dev.jtest.maven;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeDurations;
import dev.jtest.core.compose.ComposeFiles;
import dev.jtest.core.compose.ComposeLoader;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.services.ServiceHooks;
import dev.jtest.core.services.Stack;
import dev.jtest.core.services.StackListener;
import dev.jtest.settings.InvalidSettingException;
import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A project's stack started on a background thread while the build's earlier phases run ({@code
 * jtest.earlyStart}), for {@code jtest:start} and {@code jtest:ready} to adopt: the same run, the
 * same files, the same log lines, printed when those goals run. If no goal adopts it (the build
 * failed or stopped before {@code pre-integration-test}), {@link #close()} waits for the start to
 * end and removes everything it created.
 */
public final class EarlyStack implements AutoCloseable {

  /** Where the build extension leaves it in the project's context for the goals. */
  public static final String KEY = "dev.jtest.stack.early";

  /**
   * What {@code jtest:start} would start with, resolved from the same properties as the goal's
   * parameters. The goal adopts the early stack only when its own request is equal.
   *
   * @param profiles the compose profiles, comma-separated; {@code null} or empty for none
   * @param bindAddress {@code jtest.bindAddress} as given; kept as {@link Settings#BIND_ADDRESS}
   *     parses it, {@code null} when unset
   */
  public record Request(
      Path baseDir,
      Path workDir,
      List<Path> composeFiles,
      String profiles,
      boolean keepRunning,
      String pullTimeout,
      String bindAddress) {

    /**
     * Normalises the raw parameter values as the goal reads them.
     *
     * @throws ConfigurationException for a bind address that is not one
     */
    public Request {
      composeFiles = List.copyOf(composeFiles);
      profiles = profiles == null ? "" : profiles;
      try {
        bindAddress = Settings.BIND_ADDRESS.parse(bindAddress == null ? "" : bindAddress);
      } catch (InvalidSettingException e) {
        throw new ConfigurationException(e.getMessage());
      }
    }
  }

  private final Request request;
  private volatile StackListener unadopted;
  private final HeldLines lines = new HeldLines();
  private final CompletableFuture<RunningStack> started = new CompletableFuture<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean adopted;
  private volatile boolean closing;
  private volatile boolean deferred;
  private boolean closed;
  private volatile String ending = "the build ended before jtest:start";

  private EarlyStack(Request request, StackListener unadopted, String name) {
    this.request = request;
    this.unadopted = unadopted;
    // Not a daemon: close() joins it, so no start is cut off half-way when the build ends.
    this.thread = new Thread(this::run, "jtest-early-start-" + name);
  }

  /**
   * Starts the stack on a new thread.
   *
   * @param unadopted where to report the removal of a stack no goal adopted
   */
  public static EarlyStack begin(Request request, StackListener unadopted, String name) {
    EarlyStack early = new EarlyStack(request, unadopted, name);
    early.thread.start();
    return early;
  }

  public Request request() {
    return request;
  }

  private void run() {
    Instant began = Instant.now();
    RunningStack running;
    try {
      ComposeModel model;
      try {
        model =
            ComposeLoader.load(
                request.composeFiles(),
                System.getenv(),
                new LinkedHashSet<>(ComposeFiles.split(request.profiles())));
      } catch (ConfigurationException e) {
        // Perhaps a bind mount of what the build has not made yet: the goal loads it again, and
        // reports it as it always has if it still fails.
        defer("the compose model does not load yet: " + e.getMessage());
        return;
      }
      Optional<String> usesOutput = BuildOutputUse.of(model, request.workDir().getParent());
      if (usesOutput.isPresent()) {
        defer(usesOutput.get() + ", which the build makes");
        return;
      }
      model.warnings().forEach(lines::warn);
      model.notes().forEach(lines::info);
      Engine engine = Engine.connect(EngineEndpoint.fromEnvironment());
      Stack stack;
      try {
        stack =
            Stack.start(
                engine,
                model,
                new Stack.Options(
                    request.baseDir(),
                    request.workDir(),
                    began,
                    request.keepRunning(),
                    ComposeDurations.parse(request.pullTimeout(), "-D" + Keys.PULL_TIMEOUT),
                    ServiceHooks.NONE,
                    request.bindAddress()),
                lines);
      } catch (RuntimeException e) {
        engine.close();
        throw e;
      }
      running = new RunningStack(stack, engine, request.keepRunning(), this);
    } catch (RuntimeException e) {
      started.completeExceptionally(e);
      ready.completeExceptionally(e);
      return;
    }
    started.complete(running);
    if (closing) {
      ready.complete(null);
      return;
    }
    try {
      running.stack().awaitReady();
      ready.complete(null);
    } catch (RuntimeException e) {
      ready.completeExceptionally(e);
    }
  }

  /** Leaves the start to {@code jtest:start}, as without an early start. */
  private void defer(String why) {
    lines.detail("no background start: " + why);
    deferred = true;
    started.complete(null);
    ready.complete(null);
  }

  /**
   * Takes the stack over for {@code jtest:start}: prints the lines held so far to {@code log}, and
   * the later ones as they come, and waits until every container has started.
   *
   * @return empty when the stack was not started because it needs the build's output ({@link
   *     BuildOutputUse}): the goal starts it
   * @throws RuntimeException what starting threw, as {@code jtest:start} would have thrown it
   */
  Optional<RunningStack> adopt(StackListener log) {
    RunningStack running;
    RuntimeException failure = null;
    try {
      running = collect(started);
    } catch (RuntimeException e) {
      running = null;
      failure = e;
    }
    if (deferred) {
      lines.attach(HeldLines.quiet(log));
      return Optional.empty();
    }
    adopted = true;
    log.info(
        "collecting the stack started in the background while the build ran ("
            + Keys.EARLY_START
            + ")");
    lines.attach(log);
    if (failure != null) {
      throw failure;
    }
    return Optional.of(running);
  }

  /**
   * Waits until the adopted stack is ready, for {@code jtest:ready}.
   *
   * @throws RuntimeException what awaiting readiness threw, as {@code jtest:ready} would have
   */
  void awaitReady(StackListener log) {
    lines.attach(log);
    collect(ready);
  }

  /**
   * Removes the stack because {@code jtest:start} resolved other settings than the extension did (a
   * {@code jtest.*} property changed during the build); the goal then starts its own.
   */
  void discard(StackListener log) {
    ending = "jtest:start's settings differ from the background start's";
    unadopted = log;
    close();
  }

  private static <T> T collect(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Ends the background start: waits for it, then, unless a goal adopted the stack, removes what it
   * created. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closing = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (adopted || deferred || started.isCompletedExceptionally()) {
      return;
    }
    RunningStack running = started.join();
    // What the start printed is news to no one now; the removal is.
    lines.attach(HeldLines.quiet(unadopted));
    try {
      if (running.stack().reused()) {
        // A stack an earlier build kept: leave it as this build found it.
        running.stack().keep();
        return;
      }
      unadopted.warn(
          ending
              + ": removing the services started in the background (run "
              + running.stack().identity().runId()
              + ")");
      running.stack().stop();
    } finally {
      running.engine().close();
    }
  }
}
