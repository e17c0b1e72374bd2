package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** Writes a context as the docker CLI stores it; with {@code tls}, its client certificate too. */
  private static void context(Path config, String name, String host, boolean tls) throws Exception {
    String id =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Path meta = Files.createDirectories(config.resolve("contexts/meta/" + id));
    Files.writeString(
        meta.resolve("meta.json"),
        "{\"Name\":\""
            + name
            + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
            + host
            + "\",\"SkipTLSVerify\":false}}}");
    if (tls) {
      Path dir = Files.createDirectories(config.resolve("contexts/tls/" + id + "/docker"));
      for (String file : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
        Files.writeString(dir.resolve(file), "-----BEGIN-----");
      }
    }
  }

  @Test
  void usesTheContextThatDockerContextUseChose(@TempDir Path config) throws Exception {
    context(config, "remote-box", "tcp://10.0.0.5:2376", true);
    Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"remote-box\"}");

    EngineEndpoint endpoint =
        EngineEndpoint.resolve(
            Map.of("DOCKER_CONFIG", config.toString()), SYSTEM_SOCKET_ONLY::contains);

    assertThat(endpoint.uri()).hasToString("tcp://10.0.0.5:2376");
    assertThat(endpoint.tlsVerify()).isTrue();
    assertThat(endpoint.certPath())
        .startsWith(config.resolve("contexts/tls"))
        .endsWith(Path.of("docker"));
    assertThat(endpoint.certPath().resolve("cert.pem")).isRegularFile();
    assertThat(endpoint.origin()).contains("Docker context 'remote-box'");
  }

  @Test
  void dockerHostOverridesTheCurrentContextAndDockerContextOverridesBoth(@TempDir Path config)
      throws Exception {
    context(config, "remote-box", "tcp://10.0.0.5:2375", false);
    context(config, "other", "tcp://10.0.0.6:2375", false);
    Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"remote-box\"}");

    assertThat(
            EngineEndpoint.resolve(
                    Map.of(
                        "DOCKER_CONFIG", config.toString(), "DOCKER_HOST", "tcp://10.0.0.7:2375"),
                    p -> false)
                .uri())
        .hasToString("tcp://10.0.0.7:2375");
    EngineEndpoint named =
        EngineEndpoint.resolve(
            Map.of(
                "DOCKER_CONFIG", config.toString(),
                "DOCKER_HOST", "tcp://10.0.0.7:2375",
                "DOCKER_CONTEXT", "other"),
            p -> false);
    assertThat(named.uri()).hasToString("tcp://10.0.0.6:2375");
    assertThat(named.tlsVerify()).isFalse();
  }

  @Test
  void theDefaultContextMeansTheEnvironmentAndTheSocket(@TempDir Path config) throws Exception {
    Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"default\"}");

    assertThat(
            EngineEndpoint.resolve(
                    Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "default"),
                    SYSTEM_SOCKET_ONLY::contains)
                .uri())
        .hasToString("unix:///var/run/docker.sock");
  }

  @Test
  void rejectsAContextThatDoesNotExistNamingItAndTheCure(@TempDir Path config) {
    assertThatThrownBy(
            () ->
                EngineEndpoint.resolve(
                    Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "nosuch"),
                    p -> false))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Docker context 'nosuch' (from DOCKER_CONTEXT) does not exist")
        .hasMessageContaining("docker context ls");
  }
}
