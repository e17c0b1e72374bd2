package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.core.DockerClientConfig;
import org.junit.jupiter.api.Test;

/** A pull's stream, as the engines send it. */
class PullCallbackTest {

  /**
   * Podman 4.3.1's answer (status 200) to {@code POST /v1.41/images/create?fromImage=
   * jtest-it/does-not-exist&tag=1} on a machine without a registry.
   */
  private static final String PODMAN_FAILED_PULL =
      "{\"progressDetail\":{},\"errorDetail\":{\"message\":\"initializing source"
          + " docker://jtest-it/does-not-exist:1: pinging container registry registry-1.docker.io:"
          + " no such host\"},\"error\":\"initializing source docker://jtest-it/does-not-exist:1:"
          + " pinging container registry registry-1.docker.io: no such host\"}";

  @Test
  void anErrorInTheStreamFailsThePull() throws Exception {
    PullCallback callback = new PullCallback("pull image jtest-it/does-not-exist:1");

    callback.onNext(item(PODMAN_FAILED_PULL));

    assertThat(callback.error())
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("pull image jtest-it/does-not-exist:1")
        .hasMessageContaining("pinging container registry registry-1.docker.io: no such host");
  }

  @Test
  void progressIsNoError() throws Exception {
    PullCallback callback = new PullCallback("pull image postgres:16");

    callback.onNext(
        item("{\"status\":\"Pulling fs layer\",\"id\":\"a1b2\",\"progressDetail\":{}}"));

    assertThat(callback.error()).isNull();
  }

  private static PullResponseItem item(String json) throws Exception {
    return DockerClientConfig.getDefaultObjectMapper().readValue(json, PullResponseItem.class);
  }
}
