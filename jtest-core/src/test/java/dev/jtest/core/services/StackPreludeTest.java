package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeLoader;
import dev.jtest.core.compose.IdentitySpec;
import dev.jtest.core.compose.ResourceSpec;
import dev.jtest.core.engine.ContainerRequest;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.engine.EngineException;
import dev.jtest.core.engine.EngineUnavailableException;
import dev.jtest.core.engine.LabelledResource;
import dev.jtest.core.testing.TestContainers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps before a stack's first container, overlapped, on the real engine. */
class StackPreludeTest {

  private static final EngineEndpoint NO_ENGINE =
      new EngineEndpoint(
          URI.create("unix:///nonexistent/jtest/docker.sock"), "a test", false, null);

  private final List<String> infos = Collections.synchronizedList(new ArrayList<>());
  private final StackListener listener =
      new StackListener() {
        @Override
        public void info(String message) {
          infos.add(message);
        }

        @Override
        public void warn(String message) {}
      };

  @Test
  void aBrokenModelIsReportedAsItWasWhileTheEngineConnectsAndNothingIsLeft(@TempDir Path dir)
      throws Exception {
    Path compose = write(dir, "services:\n  api:\n    image: %s\n    depends_on: [db]\n");

    Throwable failure = catchThrowable(() -> start(EngineEndpoint.fromEnvironment(), compose, dir));

    assertThat(failure)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(loadFailure(compose).getMessage());
    assertNothingLeft(dir);
  }

  @Test
  void aBrokenModelIsReportedBeforeAnEngineThatDoesNotAnswer(@TempDir Path dir) throws Exception {
    Path compose = write(dir, "services:\n  api:\n    image: %s\n    depends_on: [db]\n");

    Throwable failure = catchThrowable(() -> start(NO_ENGINE, compose, dir));

    assertThat(failure)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(loadFailure(compose).getMessage());
    assertPreludeThreadEnded();
  }

  @Test
  void anEngineThatDoesNotAnswerIsReportedOnceTheModelHasLoaded(@TempDir Path dir)
      throws Exception {
    Path compose = write(dir, "services:\n  api:\n    image: %s\n");

    Throwable failure = catchThrowable(() -> start(NO_ENGINE, compose, dir));

    assertThat(failure)
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("/nonexistent/jtest/docker.sock");
    assertPreludeThreadEnded();
  }

  /**
   * The sweep runs while the run's networks are created: when it fails, the networks already made
   * are removed, and the sweep's failure is the one reported, as when it ran first.
   */
  @Test
  void aSweepThatFailsAfterTheNetworksExistLeavesNothingOfTheRun(@TempDir Path dir)
      throws Exception {
    Path compose =
        write(
            dir, "services:\n  api:\n    image: %s\n    networks: [back]\nnetworks:\n  back: {}\n");
    try (TestContainers containers = new TestContainers()) {
      Engine engine = containers.engine();
      assumeFalse(
          engine.info().podman(),
          "Podman 4.3 removes a network in use when it is named by its id: no sweep fails there");
      // A network a dead build of this project left, which a container of someone else's still
      // uses: the sweep cannot remove it.
      Map<String, String> leftover = new LinkedHashMap<>();
      leftover.put(RunIdentity.RUN, "deadbeef");
      leftover.put(RunIdentity.PROJECT, RunIdentity.projectId(dir));
      leftover.put(RunIdentity.OWNER_PID, Long.toString(Long.MAX_VALUE));
      leftover.put(RunIdentity.OWNER_HOST, RunIdentity.hostName());
      leftover.put(RunIdentity.OWNER_START, "1");
      String network = "jtest-deadbeef-" + System.nanoTime();
      String networkId = engine.createNetwork(network, leftover, false);
      String user = null;
      try {
        user = runOn(containers, network);

        Throwable failure =
            catchThrowable(() -> start(EngineEndpoint.fromEnvironment(), compose, dir));

        assertThat(failure)
            .isInstanceOf(EngineException.class)
            .hasMessageContaining("remove network " + networkId);
        assertThat(infos)
            .as("the run's networks were created, then removed")
            .anyMatch(line -> line.startsWith("services stopped and removed"));
        assertThat(engine.findLabelled(Map.of(RunIdentity.PROJECT, RunIdentity.projectId(dir))))
            .as("what the project has on the engine")
            .extracting(LabelledResource::id)
            .containsExactly(networkId);
        assertPreludeThreadEnded();
      } finally {
        if (user != null) {
          engine.removeContainer(user);
        }
        engine.removeNetwork(networkId);
      }
    }
  }

  @Test
  void readinessRecordsWhenEachStepBeforeTheFirstContainerEnded(@TempDir Path dir)
      throws Exception {
    Path compose =
        write(
            dir,
            "services:\n  api:\n    image: %s\n    command: [sleep, '600']\n"
                + "    stop_grace_period: 1s\n");
    try (TestContainers containers = new TestContainers()) {
      containers.probeImage();
    }

    Stack stack = start(EngineEndpoint.fromEnvironment(), compose, dir);
    try {
      stack.awaitReady();
    } finally {
      stack.stop();
      stack.engine().close();
    }

    JsonNode phases =
        StackState.JSON.readTree(dir.resolve("target/jtest/readiness.json").toFile()).get("phases");
    List<String> names = new ArrayList<>();
    phases.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "modelLoaded", "engineConnected", "swept", "networksCreated", "firstCreated");
    assertThat(phases.get("firstCreated").asLong())
        .as("the first container, against the sweep and the networks it waits for")
        .isGreaterThanOrEqualTo(phases.get("swept").asLong())
        .isGreaterThanOrEqualTo(phases.get("networksCreated").asLong());
    assertPreludeThreadEnded();
  }

  /** Starts the stack of {@code compose} through the prelude, the model loaded as it connects. */
  private Stack start(EngineEndpoint endpoint, Path compose, Path dir) {
    return Stack.start(
        endpoint,
        () -> ComposeLoader.load(List.of(compose), Map.of(), Set.of()),
        engine -> options(dir),
        listener);
  }

  private static Path write(Path dir, String yaml) throws Exception {
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(compose, yaml.formatted(TestContainers.PROBE_IMAGE));
    return compose;
  }

  private static Stack.Options options(Path dir) {
    return new Stack.Options(
        dir, dir.resolve("target/jtest"), Instant.now(), false, Duration.ofSeconds(60));
  }

  private static ConfigurationException loadFailure(Path compose) {
    return (ConfigurationException)
        catchThrowable(() -> ComposeLoader.load(List.of(compose), Map.of(), Set.of()));
  }

  /** A running container of no jtest run, on {@code network}. */
  private static String runOn(TestContainers containers, String network) {
    Engine engine = containers.engine();
    String name = "jtest-selftest-user-" + System.nanoTime();
    String id =
        engine.createContainer(
            new ContainerRequest(
                name,
                containers.probeImage(),
                "user",
                List.of("sleep", "600"),
                null,
                List.of(),
                Map.of("dev.jtest.selftest", "true"),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                network,
                List.of(),
                null,
                null,
                Duration.ofSeconds(1),
                IdentitySpec.NONE,
                ResourceSpec.NONE));
    engine.startContainer(id, name);
    return id;
  }

  private static void assertNothingLeft(Path dir) {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      assertThat(engine.findLabelled(Map.of(RunIdentity.PROJECT, RunIdentity.projectId(dir))))
          .isEmpty();
    }
    assertPreludeThreadEnded();
  }

  private static void assertPreludeThreadEnded() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(Thread.getAllStackTraces().keySet())
                    .extracting(Thread::getName)
                    .doesNotContain("jtest-prelude"));
  }
}
