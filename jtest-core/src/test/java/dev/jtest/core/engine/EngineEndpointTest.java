package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineEndpointTest {

  private static final Set<Path> SYSTEM_SOCKET_ONLY = Set.of(Path.of("/var/run/docker.sock"));

  @Test
  void usesTheSystemSocketWhenDockerHostIsUnset() {
    EngineEndpoint endpoint = EngineEndpoint.resolve(Map.of(), SYSTEM_SOCKET_ONLY::contains);

    assertThat(endpoint.uri()).hasToString("unix:///var/run/docker.sock");
    assertThat(endpoint.origin()).isEqualTo("default socket");
    assertThat(endpoint.socketPath()).contains(Path.of("/var/run/docker.sock"));
  }

  @Test
  void treatsABlankDockerHostAsUnset() {
    EngineEndpoint endpoint =
        EngineEndpoint.resolve(Map.of("DOCKER_HOST", "  "), SYSTEM_SOCKET_ONLY::contains);

    assertThat(endpoint.origin()).isEqualTo("default socket");
  }

  @Test
  void honoursDockerHost() {
    EngineEndpoint endpoint =
        EngineEndpoint.resolve(
            Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), p -> false);

    assertThat(endpoint.uri()).hasToString("unix:///run/user/1000/docker.sock");
    assertThat(endpoint.origin()).isEqualTo("DOCKER_HOST");
  }

  @Test
  void addsTheDockerDefaultPortToATcpHost() {
    assertThat(EngineEndpoint.resolve(Map.of("DOCKER_HOST", "tcp://build-box"), p -> false).uri())
        .hasToString("tcp://build-box:2375");
    assertThat(
            EngineEndpoint.resolve(
                    Map.of(
                        "DOCKER_HOST", "tcp://build-box",
                        "DOCKER_TLS_VERIFY", "1",
                        "DOCKER_CERT_PATH", "/certs"),
                    p -> false)
                .uri())
        .hasToString("tcp://build-box:2376");
  }

  @Test
  void readsTlsSettings() {
    EngineEndpoint endpoint =
        EngineEndpoint.resolve(
            Map.of(
                "DOCKER_HOST", "tcp://127.0.0.1:2376",
                "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/certs"),
            p -> false);

    assertThat(endpoint.tlsVerify()).isTrue();
    assertThat(endpoint.certPath()).isEqualTo(Path.of("/certs"));
    assertThat(endpoint.socketPath()).isEmpty();
  }

  @Test
  void fallsBackToTheRootlessSocketWhenTheSystemSocketIsMissing() {
    Path rootless = Path.of("/run/user/1000/docker.sock");
    EngineEndpoint endpoint =
        EngineEndpoint.resolve(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), rootless::equals);

    assertThat(endpoint.socketPath()).contains(rootless);
    assertThat(endpoint.origin()).contains("rootless");
  }

  @Test
  void triesTheSystemSocketWhenNoSocketExistsAtAll() {
    EngineEndpoint endpoint =
        EngineEndpoint.resolve(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), p -> false);

    assertThat(endpoint.uri()).hasToString("unix:///var/run/docker.sock");
  }

  @Test
  void rejectsADockerHostThatIsNoEngineAddress() {
    assertThatThrownBy(
            () -> EngineEndpoint.resolve(Map.of("DOCKER_HOST", "ssh://me@box"), p -> false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "DOCKER_HOST='ssh://me@box' is not an engine address (unsupported scheme 'ssh'): use"
                + " unix:///var/run/docker.sock or tcp://host:2375, or unset it.");
    assertThatThrownBy(() -> EngineEndpoint.resolve(Map.of("DOCKER_HOST", "unix://"), p -> false))
        .hasMessageContaining("nothing after '://'");
    assertThatThrownBy(
            () -> EngineEndpoint.resolve(Map.of("DOCKER_HOST", "tcp://:2375"), p -> false))
        .hasMessageContaining("no host name");
  }
}
