package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.core.DockerClientConfig;
import dev.jtest.core.compose.HealthSpec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inspect mapping, against the engine's own answers: {@code GET /v1.41/containers/{id}/json}
 * from Docker 20.10 for three containers made for the purpose, read by docker-java's own mapping.
 * To capture them again ({@code curl --unix-socket /var/run/docker.sock
 * http://localhost/v1.41/containers/<name>/json}), all from {@code debian:bookworm-slim} with
 * {@code --label dev.jtest.run=helper-b}:
 *
 * <ul>
 *   <li>{@code inspect-running.json}: {@code docker run -d -p 127.0.0.1::8080 -e APP_MODE=test
 *       --health-cmd 'echo ready' --health-interval 1s … sleep 600}, once healthy;
 *   <li>{@code inspect-exited.json}: {@code docker run -d --no-healthcheck … sh -c 'exit 3'}, once
 *       ended;
 *   <li>{@code inspect-created.json}: {@code docker create -p 127.0.0.1::5432 … true}.
 * </ul>
 */
class ContainerFactsMappingTest {

  /** The host port the engine chose for 8080/tcp in {@code inspect-running.json}. */
  private static final int HOST_PORT = 32918;

  /** When the process in {@code inspect-exited.json} ended, as its FinishedAt says. */
  private static final String FINISHED_AT = "2026-11-27T16:32:08.904139655Z";

  @Test
  void readsARunningHealthyContainerWithAPublishedPort() throws IOException {
    ContainerFacts facts = facts("inspect-running.json");

    assertThat(facts.name()).isEqualTo("jtest-helper-b-running");
    assertThat(facts.id()).hasSize(64);
    assertThat(facts.imageId()).startsWith("sha256:");
    assertThat(facts.status()).isEqualTo("running");
    assertThat(facts.running()).isTrue();
    assertThat(facts.exited()).isFalse();
    assertThat(facts.exitCode()).isZero();
    assertThat(facts.finishedAt()).as("the engine's zero time means not yet").isNull();
    assertThat(facts.oomKilled()).isFalse();
    assertThat(facts.healthcheck())
        .as("the engine's nanoseconds as durations; what it leaves out stays Docker's default")
        .isEqualTo(
            new HealthSpec(
                List.of("CMD-SHELL", "echo ready"), Duration.ofSeconds(1), null, null, 3));
    assertThat(facts.health()).isEqualTo("healthy");
    assertThat(facts.healthLog())
        .isNotEmpty()
        .allSatisfy(
            probe -> {
              assertThat(probe.exitCode()).isZero();
              assertThat(probe.output()).as("stripped of its newline").isEqualTo("ready");
            });
    assertThat(facts.restartCount()).isZero();
    assertThat(facts.ports()).containsOnlyKeys("8080/tcp");
    assertThat(facts.hostPort(8080)).hasValue(HOST_PORT);
    assertThat(facts.hostPort(8081)).isEmpty();
    assertThat(facts.addresses()).containsOnlyKeys("bridge");
    assertThat(facts.addresses().get("bridge")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(facts.labels()).containsEntry("dev.jtest.run", "helper-b");
    assertThat(facts.environment()).contains("APP_MODE=test");
  }

  @Test
  void readsAnExitedContainerWithItsExitCodeAndEnd() throws IOException {
    ContainerFacts facts = facts("inspect-exited.json");

    assertThat(facts.status()).isEqualTo("exited");
    assertThat(facts.running()).isFalse();
    assertThat(facts.exited()).isTrue();
    assertThat(facts.exitCode()).isEqualTo(3);
    assertThat(facts.finishedAt()).isEqualTo(Instant.parse(FINISHED_AT));
    assertThat(facts.hasHealthcheck()).as("--no-healthcheck sets the test to NONE").isFalse();
    assertThat(facts.health()).isNull();
    assertThat(facts.healthLog()).isEmpty();
    assertThat(facts.ports()).isEmpty();
  }

  @Test
  void readsACreatedContainerThatNeverStarted() throws IOException {
    ContainerFacts facts = facts("inspect-created.json");

    assertThat(facts.status()).isEqualTo("created");
    assertThat(facts.running()).isFalse();
    assertThat(facts.exited()).isFalse();
    assertThat(facts.finishedAt()).isNull();
    assertThat(facts.hasHealthcheck()).isFalse();
    assertThat(facts.ports()).as("published only once it starts").isEmpty();
    assertThat(facts.labels()).containsEntry("dev.jtest.run", "helper-b");
  }

  @Test
  void readsPodmansHealthcheckThatNeverRuns() throws IOException {
    // Captured from Podman 4.3.1's service without systemd, as the class comment's first container
    // (inspect-podman-running.json): its healthcheck is there, but no run is ever logged.
    ContainerFacts facts = facts("inspect-podman-running.json");

    assertThat(facts.running()).isTrue();
    assertThat(facts.healthcheck().command()).containsExactly("/bin/sh", "-c", "echo ready");
    assertThat(facts.healthcheck().interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(facts.health()).isEqualTo("starting");
    assertThat(facts.healthLog()).isEmpty();
    assertThat(facts.hostPort(8080)).isPresent();
    assertThat(facts.labels()).containsEntry("dev.jtest.run", "helper-podman");
  }

  @Test
  void readsPodmansEmptyHealthStatusOfAContainerWithoutHealthcheckAsNone() throws IOException {
    // inspect-podman-plain.json: `docker run -d … sleep 600` against Podman 4.3.1, no healthcheck.
    ContainerFacts facts = facts("inspect-podman-plain.json");

    assertThat(facts.running()).isTrue();
    assertThat(facts.hasHealthcheck()).isFalse();
    assertThat(facts.health()).as("Podman sends Health with Status \"\"").isNull();
  }

  @Test
  void takesTheEnginesZeroTimeAndUnreadableTimesAsNotEnded() {
    assertThat(ContainerFactsMapping.finishedAt("0001-01-01T00:00:00Z")).isNull();
    assertThat(ContainerFactsMapping.finishedAt(null)).isNull();
    assertThat(ContainerFactsMapping.finishedAt("yesterday")).isNull();
    assertThat(ContainerFactsMapping.finishedAt("2026-11-27T16:40:01.123456789Z"))
        .isEqualTo(Instant.parse("2026-11-27T16:40:01.123456789Z"));
  }

  private static ContainerFacts facts(String fixture) throws IOException {
    try (InputStream json = ContainerFactsMappingTest.class.getResourceAsStream(fixture)) {
      assertThat(json).as(fixture).isNotNull();
      return ContainerFactsMapping.facts(
          DockerClientConfig.getDefaultObjectMapper()
              .readValue(json, InspectContainerResponse.class));
    }
  }
}
