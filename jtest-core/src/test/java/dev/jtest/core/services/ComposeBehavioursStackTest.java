package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jtest.core.compose.ComposeLoader;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.engine.ExecResult;
import dev.jtest.core.readiness.ServiceFailedException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compose behaviours users rely on, on the real engine: secrets and configs in the container at
 * their target with their mode and owner, a missing bind directory created, {@code post_start} and
 * {@code pre_stop} run in the container.
 */
class ComposeBehavioursStackTest {

  private final List<String> infos = Collections.synchronizedList(new ArrayList<>());
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final StackListener listener =
      new StackListener() {
        @Override
        public void info(String message) {
          infos.add(message);
        }

        @Override
        public void warn(String message) {
          warnings.add(message);
        }
      };

  private Stack start(Engine engine, Path dir, String keys) throws Exception {
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
            command: ["sh", "-c", "exec sleep 600"]
            stop_grace_period: 1s
        %s
        secrets:
          token:
            file: ./token.txt
        configs:
          app_config:
            content: greeting=hi
        """
            .formatted(TestContainers.PROBE_IMAGE, keys.indent(4)));
    Files.writeString(dir.resolve("token.txt"), "s3cret");
    ComposeModel model = ComposeLoader.load(List.of(compose), Map.of(), Set.of());
    return Stack.start(
        engine,
        model,
        new Stack.Options(
            dir, dir.resolve("target/jtest"), Instant.now(), false, Duration.ofSeconds(60)),
        listener);
  }

  private static String run(Engine engine, Stack stack, String script) {
    ExecResult result =
        engine.exec(
            stack.services().get("api").containerId(),
            List.of("sh", "-c", script),
            List.of(),
            Duration.ofSeconds(30));
    assertThat(result.exitCode()).as(script + ": " + result.output()).isZero();
    return result.output().strip();
  }

  @Test
  void putsSecretsAndConfigsInPlaceCreatesBindDirectoriesAndRunsLifecycleHooks(@TempDir Path dir)
      throws Exception {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack stack =
          start(
              engine,
              dir,
              """
              secrets:
                - token
                - {source: token, target: /etc/app/token, uid: "1000", gid: "1001", mode: 0640}
              configs: [app_config]
              volumes: ["./data/created:/data"]
              post_start:
                - command: sh -c 'echo "ran as $$(id -u) with $$HOOK_VAR" > /tmp/post_start'
                  environment: [HOOK_VAR=hook-env]
              pre_stop:
                - command: ["sh", "-c", "echo stopping > /data/pre_stop"]
              """);
      try {
        stack.awaitReady();

        assertThat(run(engine, stack, "cat /run/secrets/token")).isEqualTo("s3cret");
        assertThat(run(engine, stack, "stat -c '%a %u %g' /run/secrets/token"))
            .isEqualTo("444 0 0");
        assertThat(run(engine, stack, "stat -c '%a %u %g' /etc/app/token"))
            .as("mode 0640 without its write bit, owner and group as asked")
            .isEqualTo("440 1000 1001");
        assertThat(run(engine, stack, "cat /app_config")).isEqualTo("greeting=hi");
        assertThat(run(engine, stack, "cat /tmp/post_start")).isEqualTo("ran as 0 with hook-env");
        assertThat(dir.resolve("data/created")).isDirectory();
        assertThat(infos)
            .contains(
                "created the missing bind-mount directory "
                    + dir.resolve("data/created")
                    + ", as docker compose up does (they are the project's files and stay)",
                "api: post_start ran 1 hook(s)");
      } finally {
        stack.stop();
      }
      assertThat(dir.resolve("data/created/pre_stop")).hasContent("stopping");
      assertThat(warnings).isEmpty();
    }
  }

  /**
   * A failing init step ({@code pre_start}, before the container starts, the steps after it not
   * run) or {@code post_start} hook (once it has started) fails the start with one message.
   */
  @ParameterizedTest
  @ValueSource(strings = {"pre_start", "post_start"})
  void aFailingHookFailsTheStartWithItsOutputAndLeavesNothingBehind(String key, @TempDir Path dir)
      throws Exception {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      // The start may fail while the stack starts, or while it is awaited: either way, one message.
      Throwable failure =
          catchThrowable(
              () -> {
                Stack stack =
                    start(
                        engine,
                        dir,
                        key
                            + ":\n"
                            + "  - command: [\"sh\", \"-c\", \"echo migration broke; exit 3\"]\n"
                            + "  - command: [\"sh\", \"-c\", \"echo never runs\"]\n");
                try {
                  stack.awaitReady();
                } finally {
                  stack.stop();
                }
              });

      assertThat(failure)
          .isInstanceOf(ServiceFailedException.class)
          .hasMessageContaining("compose.yaml:7: service 'api': " + key + "[0]")
          .hasMessageContaining("(sh -c echo migration broke; exit 3)")
          .hasMessageContaining("failed with exit code 3")
          .hasMessageContaining("| migration broke")
          .hasMessageNotContaining("never runs");
      assertThat(engine.findLabelled(Map.of(RunIdentity.PROJECT, RunIdentity.projectId(dir))))
          .as("what the project has left on the engine")
          .isEmpty();
    }
  }

  @Test
  void runsPreStartStepsInOrderInTheirOwnContainersBeforeTheServiceStarts(@TempDir Path dir)
      throws Exception {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack stack =
          start(
              engine,
              dir,
              """
              environment: {GREETING: hello}
              volumes: ["./seed:/seed"]
              secrets: [token]
              pre_start:
                - command: sh -c 'echo "$$GREETING from $$(hostname)" > /seed/steps; chmod 666 /seed/steps'
                - command: ["sh", "-ec", "echo $$STEP_VAR as $$(id -u) >> /seed/steps; cat /run/secrets/token >> /seed/steps; echo step two done"]
                  environment: {STEP_VAR: second}
                  user: "1000"
              """);
      try {
        stack.awaitReady();

        List<String> steps = Files.readAllLines(dir.resolve("seed/steps"));
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0))
            .as("the service's environment, in a container of its own")
            .startsWith("hello from ")
            .doesNotContain(stack.services().get("api").containerId().substring(0, 12));
        assertThat(steps.subList(1, 3)).containsExactly("second as 1000", "s3cret");
        assertThat(run(engine, stack, "head -1 /seed/steps"))
            .as("the service sees what its steps wrote")
            .isEqualTo(steps.get(0));
        assertThat(infos).contains("api: pre_start ran 2 step(s)");
        assertThat(stack.services().get("api").log().lines())
            .as("each step's output in the service's log")
            .contains("pre_start[1] | step two done");
        assertThat(
                engine
                    .findLabelled(Map.of(RunIdentity.PROJECT, RunIdentity.projectId(dir)))
                    .stream()
                    .filter(r -> r.name().contains("pre-start"))
                    .toList())
            .as("every step's container removed once it ended")
            .isEmpty();
      } finally {
        stack.stop();
      }
    }
  }

  @Test
  void saysOnceThatAnEngineBeforeApi144DoesNotApplyStartInterval(@TempDir Path dir)
      throws Exception {
    ComposeModel model =
        dev.jtest.core.testing.ComposeText.load(
            dir,
            """
            services:
              db:
                image: x
                healthcheck: {test: [CMD, "true"], start_period: 30s, start_interval: 1s}
              web:
                image: x
            """);
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      String api = engine.info().apiVersion();

      if (!engine.info().runsHealthchecks()) {
        // Podman: jtest runs the healthchecks, start_interval included, and says that instead.
        assertThat(HealthStartInterval.unsupported(model, engine)).isEmpty();
        assertThat(HealthStartInterval.runByJtest(engine))
            .hasValueSatisfying(line -> assertThat(line).contains("jtest runs each service's"));
      } else if (HealthStartInterval.atLeast(api, HealthStartInterval.SINCE)) {
        assertThat(HealthStartInterval.unsupported(model, engine)).isEmpty();
      } else {
        assertThat(HealthStartInterval.unsupported(model, engine))
            .contains(
                "healthcheck.start_interval of db is not applied: the engine speaks API "
                    + api
                    + " and start_interval needs 1.44 (Docker 25); its healthcheck runs every"
                    + " 'interval' from the start");
      }
    }
  }
}
