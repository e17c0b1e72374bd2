package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PublishAddressTest {

  private static EngineEndpoint engine(String uri) {
    boolean tcp = uri.startsWith("tcp:");
    return new EngineEndpoint(URI.create(uri), "DOCKER_HOST", tcp, tcp ? Path.of("/certs") : null);
  }

  @Test
  void aLocalEngineBindsAndIsReachedOnLoopback() {
    assertThat(PublishAddress.of(engine("unix:///var/run/docker.sock"), null))
        .isEqualTo(new PublishAddress("127.0.0.1", "127.0.0.1"));
  }

  @Test
  void aRemoteEngineUsesItsDefaultAddressAndIsReachedAtItsHost() {
    PublishAddress address = PublishAddress.of(engine("tcp://docker.ci.example:2376"), null);

    assertThat(address).isEqualTo(new PublishAddress("", "docker.ci.example"));
    assertThat(address.bind("127.0.0.1")).isEmpty();
    assertThat(address.shown("127.0.0.1")).isEqualTo("docker.ci.example");
  }

  @Test
  void anEngineOnALoopbackAddressKeepsItsPortsThere() {
    assertThat(PublishAddress.of(engine("tcp://127.0.0.2:2376"), null))
        .isEqualTo(new PublishAddress("127.0.0.2", "127.0.0.2"));
    assertThat(PublishAddress.of(engine("tcp://localhost:2375"), null))
        .isEqualTo(new PublishAddress("127.0.0.1", "127.0.0.1"));
    assertThat(PublishAddress.of(engine("tcp://[::1]:2375"), null))
        .isEqualTo(new PublishAddress("::1", "::1"));
  }

  @Test
  void aBindAddressOverridesTheBindingAndIsReachedUnlessItIsAWildcard() {
    assertThat(PublishAddress.of(engine("tcp://docker.ci.example:2376"), "10.0.0.5"))
        .isEqualTo(new PublishAddress("10.0.0.5", "10.0.0.5"));
    assertThat(PublishAddress.of(engine("tcp://docker.ci.example:2376"), "0.0.0.0"))
        .isEqualTo(new PublishAddress("0.0.0.0", "docker.ci.example"));
    assertThat(PublishAddress.of(engine("unix:///var/run/docker.sock"), " 0.0.0.0 "))
        .isEqualTo(new PublishAddress("0.0.0.0", "127.0.0.1"));
  }

  @Test
  void leavesAddressesTheComposeFileNamesOtherThanLoopback() {
    PublishAddress remote = new PublishAddress("", "docker.ci.example");

    assertThat(remote.bind("0.0.0.0")).isEqualTo("0.0.0.0");
    assertThat(remote.bind("10.1.2.3")).isEqualTo("10.1.2.3");
    assertThat(remote.shown("10.1.2.3")).isEqualTo("10.1.2.3");
    assertThat(PublishAddress.LOCAL.bind("127.0.0.1")).isEqualTo("127.0.0.1");
  }
}
