package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DockerClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which engine answers, from its own {@code GET /v1.41/version}: {@code version-docker.json} from
 * Docker 20.10 and {@code version-podman.json} from Podman 4.3.1's {@code podman system service}.
 */
class EngineKindTest {

  @Test
  void tellsPodmanByTheComponentItNames() throws IOException {
    Version podman = version("version-podman.json");

    assertThat(EngineConnection.isPodman(podman)).isTrue();
    assertThat(podman.getApiVersion()).as("it speaks Docker's API").isEqualTo("1.41");
  }

  @Test
  void docker20IsNotPodman() throws IOException {
    assertThat(EngineConnection.isPodman(version("version-docker.json"))).isFalse();
  }

  @Test
  void onlyAnEngineThatIsNotPodmanRunsHealthchecks() {
    EngineEndpoint endpoint = EngineEndpoint.resolve(Map.of(), path -> true);
    EngineInfo docker =
        new EngineInfo(endpoint, "20.10.24", "1.41", "1.12", "linux/amd64", "6", "overlay2", false);
    EngineInfo podman =
        new EngineInfo(endpoint, "4.3.1", "1.41", "1.24", "linux/amd64", "6", "overlay", true);

    assertThat(docker.runsHealthchecks()).isTrue();
    assertThat(docker.product()).isEqualTo("Docker 20.10.24");
    assertThat(podman.runsHealthchecks()).isFalse();
    assertThat(podman.product()).isEqualTo("Podman 4.3.1");
  }

  private static Version version(String fixture) throws IOException {
    try (InputStream json = EngineKindTest.class.getResourceAsStream(fixture)) {
      assertThat(json).as(fixture).isNotNull();
      return DockerClientConfig.getDefaultObjectMapper().readValue(json, Version.class);
    }
  }
}
