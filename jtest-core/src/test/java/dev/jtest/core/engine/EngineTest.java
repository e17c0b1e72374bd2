package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real engine that docker/engine.sh starts; and against real addresses with none. */
class EngineTest {

  @Test
  void reportsTheRealEnginesVersions() {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      EngineInfo info = engine.info();

      assertThat(info.serverVersion()).matches("\\d+\\.\\d+.*");
      assertThat(info.apiVersion()).matches("1\\.\\d+");
      assertThat(info.os()).startsWith("linux/");
    }
  }

  @Test
  void findsThePresentBaseImageAndNotAnAbsentOne() {
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      assertThat(engine.findImage("debian:bookworm-slim"))
          .hasValueSatisfying(image -> assertThat(image.id()).startsWith("sha256:"));
      assertThat(engine.findImage("jtest-test/never-built:none")).isEmpty();
    }
  }

  /**
   * The builder runs each step in an intermediate container; without force-rm the one of a failed
   * step stays on the engine, stopped and without jtest's labels, so no sweep ever finds it.
   */
  @Test
  void aFailedBuildLeavesNoIntermediateContainer(@TempDir Path context) throws Exception {
    String marker = "jtest-failing-step-" + UUID.randomUUID();
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM debian:bookworm-slim\nRUN echo " + marker + " && exit 3\n");
    List<String> output = new ArrayList<>();
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      assertThatThrownBy(
              () ->
                  engine.buildImage(
                      new ImageBuild(
                          context, "Dockerfile", Map.of(), null, "jtest-test/failing:1", Map.of()),
                      output::add))
          .isInstanceOf(EngineException.class)
          .hasMessageMatching("(?s).*(returned a non-zero code: 3|exit status 3).*");
      assertThat(output).anyMatch(line -> line.contains(marker));
    } finally {
      List<String> left = containersMentioning(marker);
      left.forEach(id -> docker("rm", "-f", id));
      assertThat(left).as("containers of the failed step left on the engine").isEmpty();
    }
  }

  /**
   * docker-java packs the build context when the command is built, before it is sent: a context it
   * cannot read (a file growing while it is packed, such as a log; here a {@code .dockerignore}
   * that is a directory) escaped as its own exception, reaching the user as a plugin failure.
   */
  @Test
  void aContextThatCannotBePackedIsAnEngineErrorNamingTheContext(@TempDir Path context)
      throws Exception {
    Files.writeString(context.resolve("Dockerfile"), "FROM debian:bookworm-slim\n");
    Files.createDirectory(context.resolve(".dockerignore"));
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      assertThatThrownBy(
              () ->
                  engine.buildImage(
                      new ImageBuild(
                          context, "Dockerfile", Map.of(), null, "jtest-test/unpacked:1", Map.of()),
                      line -> {}))
          .isInstanceOf(EngineException.class)
          .hasMessageContaining("build image jtest-test/unpacked:1 failed")
          .hasMessageContaining("cannot pack the build context " + context)
          .hasMessageContaining(".dockerignore");
    }
  }

  /** Ids of the containers, in any state, whose command mentions {@code text}. */
  private static List<String> containersMentioning(String text) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String line : docker("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Command}}")) {
      if (line.contains(text)) {
        ids.add(line.substring(0, line.indexOf(' ')));
      }
    }
    return ids;
  }

  private static List<String> docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(command + " failed: " + lines);
      }
      return lines;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(command + " failed", e);
    }
  }

  @Test
  void failsFastAndClearlyOnAMissingSocket(@TempDir Path dir) {
    EngineEndpoint missing =
        new EngineEndpoint(
            URI.create("unix://" + dir.resolve("docker.sock")), "DOCKER_HOST", false, null);
    long started = System.nanoTime();

    assertThatThrownBy(() -> Engine.connect(missing))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("there is no socket file " + dir.resolve("docker.sock"))
        .hasMessageContaining("docker/engine.sh");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
  }

  @Test
  void failsFastOnALoopbackPortWhereNothingListens() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    EngineEndpoint closed =
        new EngineEndpoint(URI.create("tcp://127.0.0.1:" + port), "DOCKER_HOST", false, null);

    assertThatThrownBy(() -> Engine.connect(closed))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("connection refused by 127.0.0.1:" + port);
  }
}
