package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.testing.ComposeText;
import dev.jtest.core.testing.Facts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedPortsTest {

  @TempDir Path dir;

  private ServiceSpec api(String ports) throws Exception {
    return ComposeText.load(dir, "services:\n  api:\n    image: x\n    ports: " + ports + "\n")
        .services()
        .get("api");
  }

  @Test
  void mapsTcpContainerPortsToTheirHostPorts() {
    Map<Integer, Integer> ports =
        PublishedPorts.byContainerPort(
            Facts.running(false, Map.of("8080/tcp", 49153, "53/udp", 49154)));

    assertThat(ports).containsExactly(Map.entry(8080, 49153));
  }

  @Test
  void showsEachPublishedPortAsHostAddressToContainerPort() throws Exception {
    ServiceSpec api = api("[\"8080\", \"127.0.0.1:9000:9000\"]");

    assertThat(PublishedPorts.describe(api, Map.of(8080, 49153, 9000, 9000)))
        .isEqualTo(" on 127.0.0.1:49153->8080, 127.0.0.1:9000->9000");
    assertThat(PublishedPorts.describe(api, Map.of())).isEmpty();
  }

  @Test
  void aTakenPortNamesTheFixedPortTheEngineNamesAndWhereItIsDeclared() throws Exception {
    ServiceSpec api = api("[\"127.0.0.1:9000:9000\", \"127.0.0.1:9100:80\"]");

    String message =
        PublishedPorts.conflict(api, "Bind for 127.0.0.1:9100 failed: port is already allocated")
            .getMessage();

    assertThat(message)
        .startsWith("service 'api': host port 127.0.0.1:9100 (compose.yaml:")
        .contains("is already in use: stop what uses it, or publish the port without a host port")
        .contains("('80')")
        .endsWith("Engine: Bind for 127.0.0.1:9100 failed: port is already allocated");
  }

  @Test
  void aTakenPortTheEngineDoesNotNameIsTheFirstFixedOne() throws Exception {
    ServiceSpec api = api("[\"8080\", \"127.0.0.1:9000:9000\"]");

    String message = PublishedPorts.conflict(api, "address already in use").getMessage();

    assertThat(message).startsWith("service 'api': host port 127.0.0.1:9000 (compose.yaml:");
  }
}
