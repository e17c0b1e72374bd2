package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.jtest.core.compose.ComposeLoader;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.testing.TestContainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stacks on the real engine. */
class StackTest {

  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final StackListener listener =
      new StackListener() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
          warnings.add(message);
        }
      };

  /** A stack of one service, {@code api}, running the probe image with {@code wait} readiness. */
  private Stack start(Engine engine, Path dir, String wait) throws Exception {
    try (TestContainers containers = new TestContainers()) {
      containers.probeImage();
    }
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(
        compose,
        """
        services:
          api:
            image: %s
            command: ["sh", "-c", "echo starting; exec sleep 600"]
            stop_grace_period: 1s
            x-jtest:
              wait: %s
        """
            .formatted(TestContainers.PROBE_IMAGE, wait));
    ComposeModel model = ComposeLoader.load(List.of(compose), Map.of(), Set.of());
    return Stack.start(
        engine,
        model,
        new Stack.Options(
            dir, dir.resolve("target/jtest"), Instant.now(), false, Duration.ofSeconds(60)),
        listener);
  }

  @Test
  void anInterruptionDuringTheReadinessWaitIsReportedAsSuchNotAsTheServicesExit(@TempDir Path dir)
      throws Exception {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack stack = start(engine, dir, "{log: \"never printed\", timeout: 60s}");
      CompletableFuture<Void> waiting = CompletableFuture.runAsync(stack::awaitReady);
      Thread.sleep(300);

      stack.interrupt();
      Throwable failure = catchThrowable(waiting::join);

      assertThat(failure).isInstanceOf(CompletionException.class);
      assertThat(failure.getCause())
          .isInstanceOf(RunInterruptedException.class)
          .hasMessageContaining("interrupted")
          .hasMessageContaining("while jtest waited for the services to be ready")
          .hasMessageNotContaining("exited with code");
      assertThat(warnings)
          .contains(
              "interrupted (Ctrl-C or SIGTERM): removing the services of run "
                  + stack.identity().runId());
      assertThat(stack.interrupted()).isTrue();
    }
  }

  /**
   * The JVM halts as soon as its shutdown hooks have ended: a hook that left the removal to the
   * build's own stop, already under way, let the JVM halt halfway through it.
   */
  @Test
  void theShutdownHookWaitsForARemovalTheBuildHadBegun(@TempDir Path dir) throws Exception {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack stack = start(engine, dir, "{timeout: 60s}");
      stack.awaitReady();
      String container = stack.services().get("api").containerId();
      // The service ignores SIGTERM (sh as PID 1): its stop takes the whole 1 s grace period.
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(stack::stop);
      Thread.sleep(300);

      try {
        stack.interrupt();

        assertThat(engine.inspect(container)).as("the container once the hook has ended").isEmpty();
      } finally {
        stopping.join(); // nothing left behind, even when the assertion fails
      }
    }
  }

  @Test
  void namesAServiceThatDiedAfterTheStackWasReadyOnce(@TempDir Path dir) throws Exception {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack stack = start(engine, dir, "{timeout: 60s}");
      try {
        stack.awaitReady();
        assertThat(stack.reportExitedServices()).isEmpty();

        engine.killContainer(stack.services().get("api").containerId());

        await().atMost(Duration.ofSeconds(20)).until(() -> !stack.reportExitedServices().isEmpty());
        assertThat(stack.reportExitedServices()).containsExactly("api");
        assertThat(warnings)
            .singleElement()
            .asString()
            .matches(
                "service 'api' exited with code 137 at \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"
                    + " \\(\\d+\\.\\d s after the stack was ready\\) while the tests ran;"
                    + " its log: .*api\\.log");
      } finally {
        stack.stop();
      }
    }
  }

  /**
   * A service's log is written into {@code target/jtest}, which lies inside a build context such as
   * {@code build: .}: a container that logged while another service's context was being sent made
   * the build fail ("Request to write … bytes exceeds size in header"). As {@code docker compose
   * up}, every image is built or pulled before the first container is created.
   */
  @Test
  void createsNoContainerBeforeEveryImageIsBuilt(@TempDir Path dir) throws Exception {
    try (TestContainers containers = new TestContainers()) {
      containers.probeImage();
    }
    Files.writeString(
        dir.resolve("Dockerfile"),
        """
        FROM %s
        ARG NONCE
        RUN echo "$NONCE" && sleep 2
        """
            .formatted(TestContainers.PROBE_IMAGE));
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(
        compose,
        """
        services:
          chatty:
            image: %s
            command: ["sh", "-c", "while :; do echo chatter; sleep 0.01; done"]
            stop_grace_period: 1s
            x-jtest:
              wait: {timeout: 60s}
          built:
            build:
              context: .
              args: {NONCE: "%s"}
            command: ["sh", "-c", "exec sleep 600"]
            stop_grace_period: 1s
            x-jtest:
              wait: {timeout: 60s}
        """
            .formatted(TestContainers.PROBE_IMAGE, System.nanoTime()));
    ComposeModel model = ComposeLoader.load(List.of(compose), Map.of(), Set.of());
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack stack =
          Stack.start(
              engine,
              model,
              new Stack.Options(
                  dir, dir.resolve("target/jtest"), Instant.now(), false, Duration.ofSeconds(60)),
              listener);
      try {
        stack.awaitReady();
        String builtImage = stack.services().get("built").imageId();
        Instant imageCreated = Instant.parse(engine.findImage(builtImage).orElseThrow().created());

        assertThat(stack.services().get("chatty").startedAt())
            .as("when chatty started, against when built's image was made")
            .isAfterOrEqualTo(imageCreated);
      } finally {
        stack.stop();
      }
    }
  }
}
