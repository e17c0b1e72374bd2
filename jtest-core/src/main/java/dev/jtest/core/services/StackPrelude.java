package dev.jtest.core.services;

import dev.jtest.core.JtestException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.services.StartPhases.Phase;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What comes before a stack's first container, with the steps that do not wait for each other done
 * at once: the compose model loads on the caller's thread while a thread of this prelude connects
 * to the engine and then sweeps what dead builds of the project left; the run's networks and
 * volumes are created, and its images looked up, while that sweep ends. One after the other these
 * steps held the first container back by about 1.4 s, mostly loading classes (SnakeYAML and Jackson
 * for the model, docker-java and httpclient5 for the engine), which two cores do side by side.
 *
 * <p>The containers wait for the sweep: a container left by a dead build may hold a host port that
 * a service of this run publishes.
 *
 * <p>A failure is the one the steps reported when they ran in turn: a broken model before an
 * unreachable engine, the engine before the options, the sweep before the networks. By then what
 * was created is removed, the connection the prelude opened is closed, and its thread has ended —
 * unless an engine that accepts connections but never answers holds it, in which case it ends with
 * the build.
 */
final class StackPrelude {

  /** How long a failed start waits for the connection and sweep under way to end. */
  private static final Duration ABANDON_WAIT = Duration.ofSeconds(5);

  private final EngineEndpoint endpoint;
  private final boolean ownsEngine;
  private final StackListener listener;
  private final StartPhases phases = new StartPhases();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "jtest-prelude");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean abandoned;

  private StackPrelude(EngineEndpoint endpoint, boolean ownsEngine, StackListener listener) {
    this.endpoint = endpoint;
    this.ownsEngine = ownsEngine;
    this.listener = listener;
  }

  /**
   * Connects to {@code endpoint} and starts the stack; see {@link Stack#start(EngineEndpoint,
   * Supplier, Function, StackListener)}. The connection is closed when the start fails.
   */
  static Stack start(
      EngineEndpoint endpoint,
      Supplier<ComposeModel> model,
      Function<Engine, Stack.Options> options,
      StackListener listener) {
    return new StackPrelude(endpoint, true, listener)
        .run(() -> Engine.connect(endpoint), model, options);
  }

  /** Starts the stack on an engine already connected, which stays the caller's. */
  static Stack start(
      Engine engine, ComposeModel model, Stack.Options options, StackListener listener) {
    return new StackPrelude(engine.endpoint(), false, listener)
        .run(() -> engine, () -> model, connected -> options);
  }

  private Stack run(
      Supplier<Engine> connect,
      Supplier<ComposeModel> source,
      Function<Engine, Stack.Options> settle) {
    CompletableFuture<Engine> engine =
        CompletableFuture.supplyAsync(
            () -> {
              Engine connected = connect.get();
              phases.ended(Phase.ENGINE_CONNECTED);
              return connected;
            },
            background);
    // Applied here rather than on the caller's thread: the sweep needs the project they name.
    CompletableFuture<Stack.Options> options =
        engine.thenApplyAsync(connected -> abandoned ? null : settle.apply(connected), background);
    CompletableFuture<Void> swept =
        options.thenAcceptAsync(settled -> sweep(engine.join(), settled), background);
    try {
      ComposeModel model = load(source);
      Engine connected = result(engine);
      HealthStartInterval.runByJtest(connected).ifPresent(listener::info);
      HealthStartInterval.unsupported(model, connected).ifPresent(listener::info);
      Stack.Options settled = result(options);
      KeptStacks kept = new KeptStacks(connected, settled.workDir(), listener);
      if (kept.recorded()) {
        // Whether the recorded stack is reused, or removed, depends on what the sweep leaves.
        result(swept);
        Optional<Stack> reusable = kept.takeOver(model, settled);
        if (reusable.isPresent()) {
          reusable.get().timed(phases);
          return reusable.get();
        }
      }
      Stack stack =
          new Stack(
              connected, model, settled, listener, RunIdentity.create(settled.projectDir()), false);
      stack.timed(phases);
      prepare(stack, swept);
      stack.launch();
      return stack;
    } catch (RuntimeException | Error e) {
      abandon(engine, swept);
      throw e;
    } finally {
      background.shutdown();
    }
  }

  /** The model, loaded and checked for what jtest cannot run. */
  private ComposeModel load(Supplier<ComposeModel> source) {
    ComposeModel model = source.get();
    phases.ended(Phase.MODEL_LOADED);
    ReadinessPlan.checkRunnable(model);
    String created = BindDirectories.describe(BindDirectories.create(model));
    if (created != null) {
      listener.info(created);
    }
    if (endpoint.remote()) {
      RemoteBinds.check(model, endpoint.toString(), RemoteBinds::kindOf);
    }
    return model;
  }

  private void sweep(Engine engine, Stack.Options options) {
    if (!abandoned) {
      new KeptStacks(engine, options.workDir(), listener)
          .sweep(RunIdentity.projectId(options.projectDir()));
      phases.ended(Phase.SWEPT);
    }
  }

  /**
   * Creates the run's networks and volumes while the sweep ends, and waits for both. The sweep's
   * failure is reported first, as when it ran before the networks were created.
   */
  private void prepare(Stack stack, CompletableFuture<Void> swept) {
    RuntimeException failure = null;
    try {
      stack.prepare();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      result(swept);
    } catch (RuntimeException e) {
      if (failure == null) {
        stack.stop();
      }
      failure = e;
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * After a failure: lets the connection and sweep under way end (the sweep is skipped if it has
   * not begun), then closes the connection if the prelude opened it.
   */
  private void abandon(CompletableFuture<Engine> engine, CompletableFuture<Void> swept) {
    abandoned = true;
    CompletableFuture<Void> ended =
        swept.handle(
            (ignored, error) -> {
              if (ownsEngine && engine.isDone() && !engine.isCompletedExceptionally()) {
                engine.join().close();
              }
              return null;
            });
    try {
      ended.get(ABANDON_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The failure being reported is the one that matters; the connection closes when it ends.
    }
  }

  /** The future's value, or its failure as it was thrown. */
  private static <T> T result(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new JtestException("starting the services failed: " + cause, cause);
    }
  }
}
