package dev.jtest.core.services;

import dev.jtest.core.JtestException;
import dev.jtest.core.compose.DependencyCondition;
import dev.jtest.core.compose.ServiceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Starts a stack's services in dependency order, independent ones in parallel, and waits for them:
 * every image is resolved first; each container is created once what it depends on has started (so
 * that its creation overlaps their warm-up) and started the moment they have started or are ready
 * (as its {@code depends_on} condition says); each is awaited until ready. The first failure
 * anywhere removes the whole stack and is what the caller sees.
 *
 * <p>When the last run's {@code readiness.json} names one chain of services as the longest, its
 * first service gets a head start: the others are created only once its container has started, so
 * that on a small machine the engine's start of the critical one is not shared with services off
 * the critical path. The engine's work is the same either way; only its order changes.
 */
final class Startup {

  /**
   * The longest head start: a start that takes longer (a large copy into the container, say) no
   * longer holds the others back.
   */
  static final Duration HEAD_START_LIMIT = Duration.ofSeconds(1);

  private final Map<String, ServiceRuntime> services;
  private final ImageResolver images;
  private final ServiceStarter starter;
  private final Teardown teardown;
  private final ExecutorService executor;
  private final StackFiles files;
  private final RunEvents events;
  private final CompletableFuture<Void> failure = new CompletableFuture<>();

  /**
   * @param files the last run's readiness times, and where the services' logs are, for the message
   *     of an interruption
   */
  Startup(
      Map<String, ServiceRuntime> services,
      ImageResolver images,
      ServiceStarter starter,
      Teardown teardown,
      ExecutorService executor,
      StackFiles files,
      RunEvents events) {
    this.services = services;
    this.images = images;
    this.starter = starter;
    this.teardown = teardown;
    this.executor = executor;
    this.files = files;
    this.events = events;
  }

  /**
   * Starts every service and returns once every container has started; their readiness is awaited
   * in the background until {@link #awaitReady()}.
   *
   * @throws JtestException the first failure, once the stack is removed
   */
  void start(ContainerRequests requests) {
    // Before the first container, so that the stream sees each of them from its creation.
    events.follow(executor);
    Map<String, CompletableFuture<String>> resolved = new LinkedHashMap<>();
    for (ServiceRuntime service : services.values()) {
      resolved.put(
          service.name(), CompletableFuture.supplyAsync(() -> resolveImage(service), executor));
    }
    // As docker compose up: every image is built or pulled before the first container is created.
    // Services log into target/jtest, inside a context such as `build: .`, and a file that grows
    // while the context is sent fails the build.
    CompletableFuture<Void> allImages = allOf(List.copyOf(resolved.values()));
    Optional<String> head = CriticalChains.head(specs(), files.lastReadiness());
    CompletableFuture<Void> headStart =
        head.map(name -> headStart(allImages, services.get(name))).orElse(null);
    for (ServiceRuntime service : services.values()) {
      List<CompletableFuture<?>> created = new ArrayList<>(List.of(allImages));
      List<CompletableFuture<?>> conditions = new ArrayList<>();
      if (head.isPresent() && !head.get().equals(service.name())) {
        created.add(headStart);
      }
      service
          .spec()
          .dependsOn()
          .forEach(
              (name, condition) -> {
                ServiceRuntime dependency = services.get(name);
                created.add(dependency.whenStarted());
                conditions.add(
                    condition == DependencyCondition.SERVICE_STARTED
                        ? dependency.whenStarted()
                        : dependency.whenReady());
              });
      resolved
          .get(service.name())
          .thenCombineAsync(allOf(created), (imageId, ignored) -> imageId, executor)
          .thenAcceptAsync(imageId -> starter.create(service, imageId, requests), executor)
          // One hand-over between threads from the last condition to the start, not two: each is a
          // wake-up on the critical path.
          .thenCombine(allOf(conditions), (ignored, alsoIgnored) -> null)
          .thenRunAsync(() -> starter.start(service, requests), executor)
          .whenComplete((ignored, error) -> settle(service::settleStart, error));
      service
          .whenStarted()
          .thenRunAsync(() -> starter.awaitReadiness(service), executor)
          .whenComplete((ignored, error) -> settle(service::settleReady, error));
    }
    await(
        allOf(services.values().stream().map(ServiceRuntime::whenStarted).toList()),
        "started the services");
  }

  /**
   * Waits until every service is ready.
   *
   * @throws JtestException the first failure, once the stack is removed
   */
  void awaitReady() {
    await(
        allOf(services.values().stream().map(ServiceRuntime::whenReady).toList()),
        "waited for the services to be ready");
  }

  /**
   * What every service but {@code head}, the first of the longest known chain, waits for before its
   * creation: the head's start, ended either way, or {@link #HEAD_START_LIMIT} at most from when
   * the images are there and the head's creation begins. Waited for on the stack's own executor,
   * whose shutdown ends it.
   */
  private CompletableFuture<Void> headStart(CompletableFuture<Void> images, ServiceRuntime head) {
    CompletableFuture<Void> started = head.whenStarted();
    return images.thenRunAsync(
        () -> {
          try {
            started.get(HEAD_START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (ExecutionException | TimeoutException e) {
            // The head failed (its failure removes the stack) or is slow: the others go ahead.
          }
        },
        executor);
  }

  private Map<String, ServiceSpec> specs() {
    Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    services.forEach((name, service) -> specs.put(name, service.spec()));
    return specs;
  }

  private String resolveImage(ServiceRuntime service) {
    String id = images.resolve(service.spec());
    service.imageResolved(id);
    return id;
  }

  private void settle(Consumer<Throwable> step, Throwable error) {
    if (error == null) {
      step.accept(null);
    } else {
      Throwable cause = unwrap(error);
      step.accept(cause);
      failure.completeExceptionally(cause);
    }
  }

  /**
   * Waits for {@code goal} or the first failure; on failure removes everything and rethrows.
   *
   * @param doing what jtest was doing, for the message of an interruption
   */
  private void await(CompletableFuture<Void> goal, String doing) {
    try {
      CompletableFuture.anyOf(goal, failure).get();
      if (failure.isCompletedExceptionally()) {
        failure.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      teardown.stop();
      throw new JtestException("interrupted while starting the services; they were removed", e);
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      // Waits for the shutdown hook's removal, if it runs, to finish.
      teardown.stop();
      if (teardown.interrupted()) {
        throw new RunInterruptedException(
            "the build was interrupted (Ctrl-C or SIGTERM) while jtest "
                + doing
                + ": the services were removed, their logs are in "
                + files.logs());
      }
      if (cause instanceof JtestException jtest) {
        throw jtest;
      }
      throw new JtestException("starting the services failed: " + cause, cause);
    }
  }

  private static CompletableFuture<Void> allOf(List<? extends CompletableFuture<?>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
  }

  private static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
