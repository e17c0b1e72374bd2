package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.services.RunIdentity;
import dev.jtest.core.testing.TestContainers;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The event stream of a run's containers, on the real engine. */
class ContainerEventsTest {

  private final List<ContainerEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> ended = new CopyOnWriteArrayList<>();

  private Closeable follow(TestContainers containers) {
    return containers
        .engine()
        .followContainerEvents(
            Map.of(RunIdentity.RUN, containers.identity().runId()), events::add, ended::add);
  }

  private List<ContainerEvent.Kind> kinds(String id) {
    return events.stream()
        .filter(e -> e.containerId().equals(id))
        .map(ContainerEvent::kind)
        .toList();
  }

  @Test
  void aContainerThatDiesIsAnnouncedWithItsExitCode() throws Exception {
    try (TestContainers containers = new TestContainers();
        Closeable stream = follow(containers)) {
      String id = containers.run("sleep 0.3; exit 3", List.of(), null, TestContainers.logBuffer());

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> kinds(id).contains(ContainerEvent.Kind.DIED));

      assertThat(kinds(id))
          .containsSubsequence(
              ContainerEvent.Kind.CREATED, ContainerEvent.Kind.STARTED, ContainerEvent.Kind.DIED);
      assertThat(events)
          .filteredOn(e -> e.kind() == ContainerEvent.Kind.DIED)
          .singleElement()
          .satisfies(e -> assertThat(e.exitCode()).isEqualTo(3));
      assertThat(ended).isEmpty();
    }
  }

  @Test
  void aHealthcheckThatTurnsHealthyIsAnnounced() throws Exception {
    HealthSpec health = TestContainers.healthyOnceExists("/tmp/ok");
    try (TestContainers containers = new TestContainers();
        Closeable stream = follow(containers)) {
      assumeTrue(
          containers.engine().info().runsHealthchecks(),
          "this engine runs no healthchecks, so it sends no health events (Podman)");
      String id =
          containers.run(
              "sleep 0.5; touch /tmp/ok; exec sleep 600",
              List.of(),
              health,
              TestContainers.logBuffer());

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  events.stream()
                      .anyMatch(e -> e.containerId().equals(id) && "healthy".equals(e.health())));

      assertThat(events)
          .filteredOn(e -> e.containerId().equals(id) && e.kind() == ContainerEvent.Kind.HEALTH)
          .extracting(ContainerEvent::health)
          .endsWith("healthy");
    }
  }

  @Test
  void eventsOfOtherRunsAreNotDelivered() throws Exception {
    try (TestContainers ours = new TestContainers();
        TestContainers others = new TestContainers();
        Closeable stream = follow(ours)) {
      String theirs = others.run("exit 0", List.of(), null, TestContainers.logBuffer());
      String mine = ours.run("exit 0", List.of(), null, TestContainers.logBuffer());

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> kinds(mine).contains(ContainerEvent.Kind.DIED));

      assertThat(kinds(theirs)).isEmpty();
    }
  }
}
