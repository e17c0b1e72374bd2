package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.readiness.ContainerView;
import dev.jtest.core.testing.Specs;
import dev.jtest.core.testing.TestContainers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the readiness waiter learns from the run's event stream, on the real engine. */
class RunEventsTest {

  @TempDir Path dir;

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> details = Collections.synchronizedList(new ArrayList<>());
  private final StackListener listener =
      new StackListener() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void detail(String message) {
          details.add(message);
        }
      };

  @AfterEach
  void stopFollowing() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS))
        .as("the stream's task ended")
        .isTrue();
  }

  /** The service {@code api} in the started container {@code id}, as the starter leaves it. */
  private ServiceRuntime started(TestContainers containers, String id) {
    ServiceRuntime service =
        new ServiceRuntime(
            Specs.service("api").build(), new ServiceLog(dir.resolve("api.log")), "127.0.0.1");
    service.created(id, "api", Instant.now());
    service.inspected(containers.engine().inspect(id).orElseThrow());
    return service;
  }

  private RunEvents follow(TestContainers containers) {
    RunEvents events =
        new RunEvents(
            containers.engine(), Map.of(RunIdentity.RUN, containers.identity().runId()), listener);
    events.follow(executor);
    return events;
  }

  @Test
  void aContainerThatDiesIsSeenFromItsEventWithOneInspectionForTheMessage() {
    try (TestContainers containers = new TestContainers()) {
      RunEvents events = follow(containers);
      String id = containers.run("sleep 3; exit 3", List.of(), null, TestContainers.logBuffer());
      ContainerView view = events.view(started(containers, id));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.known(id).isPresent());

      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> view.current().map(ContainerFacts::exited).orElse(false));

      assertThat(view.current()).hasValueSatisfying(f -> assertThat(f.exitCode()).isEqualTo(3));
      assertThat(events.inspections(id))
          .as("inspections of the container, in some hundred rounds")
          .isEqualTo(1);
      assertThat(details).isEmpty();
    }
  }

  @Test
  void aHealthcheckThatTurnsHealthyIsSeenWithoutInspecting() {
    HealthSpec health = TestContainers.healthyOnceExists("/tmp/ok");
    try (TestContainers containers = new TestContainers()) {
      assumeTrue(
          containers.engine().info().runsHealthchecks(),
          "this engine runs no healthchecks, so it sends no health events (Podman)");
      RunEvents events = follow(containers);
      String id =
          containers.run(
              "sleep 1; touch /tmp/ok; exec sleep 600",
              List.of(),
              health,
              TestContainers.logBuffer());
      ContainerView view = events.view(started(containers, id));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.known(id).isPresent());

      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> view.current().map(f -> "healthy".equals(f.health())).orElse(false));

      assertThat(events.inspections(id)).isZero();
    }
  }

  @Test
  void inspectsOnceTheStreamIsGone() {
    try (TestContainers containers = new TestContainers()) {
      RunEvents events = follow(containers);
      String id = containers.run("exec sleep 600", List.of(), null, TestContainers.logBuffer());
      ContainerView view = events.view(started(containers, id));
      await().atMost(Duration.ofSeconds(10)).until(() -> events.known(id).isPresent());

      executor.shutdownNow();
      await().atMost(Duration.ofSeconds(10)).until(() -> events.known(id).isEmpty());
      containers.engine().killContainer(id);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> view.current().map(ContainerFacts::exited).orElse(false));
      assertThat(view.current()).hasValueSatisfying(f -> assertThat(f.exitCode()).isEqualTo(137));
    }
  }
}
