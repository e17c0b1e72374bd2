package dev.jtest.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.settings.EndpointContract.PublishedPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointContractTest {

  @Test
  void namesHostEveryTcpPortAndTheFirstOnesPortAndUrl() {
    Map<String, String> properties =
        EndpointContract.properties(
            "api",
            List.of(new PublishedPort(8080, "tcp", 49153), new PublishedPort(9090, "tcp", 49154)));

    assertThat(properties)
        .containsExactly(
            Map.entry("jtest.api.host", "127.0.0.1"),
            Map.entry("jtest.api.port", "49153"),
            Map.entry("jtest.api.port.8080", "49153"),
            Map.entry("jtest.api.port.9090", "49154"),
            Map.entry("jtest.api.url", "http://127.0.0.1:49153"));
  }

  @Test
  void theFirstPortIsTheFirstTcpPortInFileOrder() {
    Map<String, String> properties =
        EndpointContract.properties(
            "dns",
            List.of(new PublishedPort(53, "udp", 40000), new PublishedPort(8053, "tcp", 40001)));

    assertThat(properties)
        .containsEntry("jtest.dns.port", "40001")
        .containsEntry("jtest.dns.url", "http://127.0.0.1:40001")
        .doesNotContainKey("jtest.dns.port.53");
    assertThat(EndpointContract.firstPort(List.of("udp", "tcp", "tcp"), p -> p)).contains("tcp");
    assertThat(EndpointContract.firstPort(List.of("udp"), p -> p)).isEmpty();
  }

  @Test
  void namesTheRemoteEnginesHostWhenGivenOne() {
    assertThat(
            EndpointContract.properties(
                "api", "127.0.0.2", List.of(new PublishedPort(8080, "tcp", 49153))))
        .containsEntry("jtest.api.host", "127.0.0.2")
        .containsEntry("jtest.api.url", "http://127.0.0.2:49153");
    assertThat(EndpointContract.url("fd00::2", 49153)).isEqualTo("http://[fd00::2]:49153");
  }

  @Test
  void aServiceWithoutPortsHasOnlyItsHost() {
    assertThat(EndpointContract.properties("db", List.of()))
        .containsExactly(Map.entry("jtest.db.host", "127.0.0.1"));
  }

  @Test
  void readsBackWhatItWroteAndIgnoresPropertiesOfNoService() {
    Map<String, String> properties =
        new java.util.HashMap<>(
            EndpointContract.properties("auth", List.of(new PublishedPort(8080, "tcp", 49153))));
    properties.put("jtest.coordinator.port", "40000");
    properties.put("jtest.workers", "4");

    Map<String, EndpointContract.ServiceProperties> services =
        EndpointContract.services(properties);

    assertThat(services).containsOnlyKeys("auth");
    EndpointContract.ServiceProperties auth = services.get("auth");
    assertThat(auth.host()).isEqualTo("127.0.0.1");
    assertThat(auth.port()).contains("49153");
    assertThat(auth.port(8080)).contains("49153");
    assertThat(auth.port(9090)).isEmpty();
    assertThat(auth.containerPorts()).containsExactly("8080");
  }

  @Test
  void recognisesEndpointKeysOnly() {
    assertThat(EndpointContract.isEndpointKey("jtest.auth.port.8080")).isTrue();
    assertThat(EndpointContract.isEndpointKey("jtest.auth.url")).isTrue();
    assertThat(EndpointContract.isEndpointKey("jtest.auth.uri")).isFalse();
    assertThat(EndpointContract.isEndpointKey("jtest.workers")).isFalse();
    assertThat(EndpointContract.urlKey("web")).isEqualTo("jtest.web.url");
  }

  @Test
  void theServicesFileIsInJtestsWorkDirectoryOfTheBuildDirectory() {
    Path base = Path.of("/project");
    assertThat(EndpointContract.servicesFile(Settings.workDirectory(base, name -> null)))
        .isEqualTo(Path.of("/project/target/jtest/services.properties"));
    assertThat(
            EndpointContract.servicesFile(
                Settings.workDirectory(base, Map.of(Keys.BUILD_DIRECTORY, "/elsewhere/out")::get)))
        .isEqualTo(Path.of("/elsewhere/out/jtest/services.properties"));
  }
}
