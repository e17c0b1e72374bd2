package dev.jtest.core.services;

import dev.jtest.core.JtestException;
import dev.jtest.core.compose.DependencyCondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Starts a stack's services in dependency order, independent ones in parallel, and waits for them:
 * every image is resolved first, then each container starts once what it depends on has started or
 * is ready (as its {@code depends_on} condition says), and each is awaited until ready. The first
 * failure anywhere removes the whole stack and is what the caller sees.
 */
final class Startup {

  private final Map<String, ServiceRuntime> services;
  private final ImageResolver images;
  private final ServiceStarter starter;
  private final Teardown teardown;
  private final ExecutorService executor;
  private final Path logs;
  private final CompletableFuture<Void> failure = new CompletableFuture<>();

  /**
   * @param logs where the services' logs are, for the message of an interruption
   */
  Startup(
      Map<String, ServiceRuntime> services,
      ImageResolver images,
      ServiceStarter starter,
      Teardown teardown,
      ExecutorService executor,
      Path logs) {
    this.services = services;
    this.images = images;
    this.starter = starter;
    this.teardown = teardown;
    this.executor = executor;
    this.logs = logs;
  }

  /**
   * Starts every service and returns once every container has started; their readiness is awaited
   * in the background until {@link #awaitReady()}.
   *
   * @throws JtestException the first failure, once the stack is removed
   */
  void start(ContainerRequests requests) {
    Map<String, CompletableFuture<String>> resolved = new LinkedHashMap<>();
    for (ServiceRuntime service : services.values()) {
      resolved.put(
          service.name(), CompletableFuture.supplyAsync(() -> resolveImage(service), executor));
    }
    // As docker compose up: every image is built or pulled before the first container is created.
    // Services log into target/jtest, inside a context such as `build: .`, and a file that grows
    // while the context is sent fails the build.
    CompletableFuture<Void> allImages = allOf(List.copyOf(resolved.values()));
    for (ServiceRuntime service : services.values()) {
      List<CompletableFuture<?>> dependencies = new ArrayList<>(List.of(allImages));
      service
          .spec()
          .dependsOn()
          .forEach(
              (name, condition) ->
                  dependencies.add(
                      condition == DependencyCondition.SERVICE_STARTED
                          ? services.get(name).whenStarted()
                          : services.get(name).whenReady()));
      resolved
          .get(service.name())
          .thenCombineAsync(allOf(dependencies), (imageId, ignored) -> imageId, executor)
          .thenAcceptAsync(imageId -> starter.createAndStart(service, imageId, requests), executor)
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
                + logs);
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
