package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

  private static ServiceSpec service(String name, PortSpec... ports) {
    return Specs.service(name).ports(ports).build();
  }

  private static PortSpec port(int container) {
    return new PortSpec("127.0.0.1", null, container, "tcp", null);
  }

  @Test
  void namesHostFirstPortEveryPortAndUrl() {
    Map<String, String> properties =
        Endpoints.of(
            service("auth", port(8080), port(9090)), Map.of(8080, 49153, 9090, 49154, 6300, 49155));

    assertThat(properties)
        .containsExactly(
            Map.entry("jtest.auth.host", "127.0.0.1"),
            Map.entry("jtest.auth.port", "49153"),
            Map.entry("jtest.auth.port.8080", "49153"),
            Map.entry("jtest.auth.port.9090", "49154"),
            Map.entry("jtest.auth.url", "http://127.0.0.1:49153"));
  }

  @Test
  void neverCountsAPortJtestAddedItselfAsTheFirst() {
    // A coverage agent's port (6300) is bound but not among the service's compose ports.
    Map<String, String> properties = Endpoints.of(service("db"), Map.of(6300, 49155));

    assertThat(properties).containsOnlyKeys("jtest.db.host");
  }

  @Test
  void takesTheFirstTcpPortAsTheServicesPortAsWaitHttpDoes() {
    PortSpec dns = new PortSpec("127.0.0.1", null, 53, "udp", null);
    ServiceSpec spec = service("dns", dns, port(8053));

    assertThat(Endpoints.of(spec, Map.of(53, 40000, 8053, 40001)))
        .containsEntry("jtest.dns.port", "40001")
        .doesNotContainKey("jtest.dns.port.53");
    assertThat(spec.firstPort()).contains(port(8053));
  }

  @Test
  void failsToWriteNamingTheFile(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.createFile(dir.resolve("target"));
    Path file = notADirectory.resolve("services.properties");

    assertThatThrownBy(() -> Endpoints.write(Map.of("jtest.db.host", "127.0.0.1"), file))
        .isInstanceOf(StackFileException.class)
        .hasMessageStartingWith("cannot write " + file);
  }

  @Test
  void ownsItsResourcesByLabel() {
    RunIdentity identity = RunIdentity.create(Path.of("/work/demo"));

    assertThat(identity.projectId()).matches("demo-[0-9a-f]{8}");
    assertThat(RunIdentity.projectId(Path.of("/work/demo"))).isEqualTo(identity.projectId());
    assertThat(RunIdentity.projectId(Path.of("/other/demo"))).isNotEqualTo(identity.projectId());
    assertThat(identity.labels("auth", true))
        .containsEntry(RunIdentity.RUN, identity.runId())
        .containsEntry(RunIdentity.PROJECT, identity.projectId())
        .containsEntry(RunIdentity.SERVICE, "auth")
        .containsEntry(RunIdentity.KEEP, "true")
        .containsEntry(RunIdentity.OWNER_PID, Long.toString(ProcessHandle.current().pid()));
    assertThat(identity.resourceName("auth")).isEqualTo("jtest-" + identity.runId() + "-auth");
  }

  @Test
  void judgesAnOwnerGoneOnlyOnItsOwnHost() {
    Map<String, String> dead =
        Map.of(
            RunIdentity.OWNER_HOST,
            "here",
            RunIdentity.OWNER_PID,
            "999999999",
            RunIdentity.OWNER_START,
            "1");
    Map<String, String> alive = RunIdentity.create(Path.of(".")).labels(null, false);

    assertThat(RunIdentity.ownerIsGone(dead, "here")).isTrue();
    assertThat(RunIdentity.ownerIsGone(dead, "elsewhere")).isFalse();
    assertThat(RunIdentity.ownerIsGone(alive, RunIdentity.hostName())).isFalse();
  }
}
