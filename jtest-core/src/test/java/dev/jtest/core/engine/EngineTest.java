package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
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
