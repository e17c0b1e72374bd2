package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.Location;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.PortSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The create mapping, read back as the JSON body that docker-java sends to {@code POST
 * /containers/create}. No engine: the command is never executed.
 */
class ContainerRequestMappingTest {

  private static final Location AT = new Location(Path.of("docker-compose.yml"), 1);
  private static final Map<String, String> LABELS = Map.of("dev.jtest.run", "ab12");

  @Test
  void publishesPortsOnTheirHostAddressWithARandomOrFixedHostPort() {
    JsonNode body =
        body(
            request(
                List.of(
                    new PortSpec(PortSpec.LOOPBACK, null, 8080, "tcp", AT),
                    new PortSpec("0.0.0.0", 15432, 5432, "tcp", AT),
                    new PortSpec(PortSpec.LOOPBACK, null, 53, "udp", AT)),
                List.of(9000),
                List.of(),
                null));

    assertThat(fieldNames(body.get("ExposedPorts")))
        .containsExactlyInAnyOrder("8080/tcp", "5432/tcp", "53/udp", "9000/tcp");
    JsonNode bindings = body.at("/HostConfig/PortBindings");
    assertThat(fieldNames(bindings)).containsExactlyInAnyOrder("8080/tcp", "5432/tcp", "53/udp");
    assertThat(bindings.at("/8080~1tcp/0/HostIp").asText()).isEqualTo("127.0.0.1");
    assertThat(bindings.at("/8080~1tcp/0/HostPort").asText()).isEmpty();
    assertThat(bindings.at("/5432~1tcp/0/HostIp").asText()).isEqualTo("0.0.0.0");
    assertThat(bindings.at("/5432~1tcp/0/HostPort").asText()).isEqualTo("15432");
    assertThat(bindings.at("/53~1udp/0/HostIp").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void mountsBindsTmpfsAndVolumesLabellingAnonymousVolumesWithTheRun() {
    JsonNode body =
        body(
            request(
                List.of(),
                List.of(),
                List.of(
                    new MountSpec(MountSpec.Type.BIND, "/srv/conf", "/etc/app", true),
                    new MountSpec(MountSpec.Type.TMPFS, null, "/tmp", false),
                    new MountSpec(MountSpec.Type.VOLUME, "jtest-ab12-data", "/data", false),
                    new MountSpec(MountSpec.Type.VOLUME, null, "/cache", false)),
                null));

    JsonNode mounts = body.at("/HostConfig/Mounts");
    assertThat(mounts).hasSize(4);
    assertThat(mounts.get(0).get("Type").asText()).isEqualTo("bind");
    assertThat(mounts.get(0).get("Source").asText()).isEqualTo("/srv/conf");
    assertThat(mounts.get(0).get("Target").asText()).isEqualTo("/etc/app");
    assertThat(mounts.get(0).get("ReadOnly").asBoolean()).isTrue();
    assertThat(mounts.get(1).get("Type").asText()).isEqualTo("tmpfs");
    assertThat(mounts.get(1).hasNonNull("Source")).isFalse();
    assertThat(mounts.get(2).get("Type").asText()).isEqualTo("volume");
    assertThat(mounts.get(2).get("Source").asText()).isEqualTo("jtest-ab12-data");
    assertThat(mounts.get(2).at("/VolumeOptions/Labels/dev.jtest.run").asText()).isEqualTo("ab12");
    assertThat(mounts.get(3).hasNonNull("Source")).isFalse();
    assertThat(mounts.get(3).at("/VolumeOptions/Labels/dev.jtest.run").asText()).isEqualTo("ab12");
  }

  @Test
  void setsNameHostNetworkAliasesLabelsAndEnvironment() {
    CreateContainerCmd command = fill(request(List.of(), List.of(), List.of(), null));
    JsonNode body = json(command);

    assertThat(command.getName()).isEqualTo("jtest-ab12-db");
    assertThat(command.getAliases()).containsExactly("db", "database");
    assertThat(body.get("Image").asText()).isEqualTo("postgres:16");
    assertThat(body.get("Hostname").asText()).isEqualTo("db");
    assertThat(body.at("/HostConfig/NetworkMode").asText()).isEqualTo("jtest-ab12-default");
    assertThat(body.at("/Labels/dev.jtest.run").asText()).isEqualTo("ab12");
    assertThat(body.get("Env")).extracting(JsonNode::asText).containsExactly("POSTGRES_PASSWORD=x");
  }

  @Test
  void leavesTheImagesSettingsWhereTheRequestHasNone() {
    JsonNode body = body(request(List.of(), List.of(), List.of(), null));

    assertThat(body.hasNonNull("Cmd")).isFalse();
    assertThat(body.hasNonNull("Entrypoint")).isFalse();
    assertThat(body.hasNonNull("WorkingDir")).isFalse();
    assertThat(body.hasNonNull("User")).isFalse();
    assertThat(body.hasNonNull("StopSignal")).isFalse();
    assertThat(body.hasNonNull("StopTimeout")).isFalse();
    assertThat(body.hasNonNull("Healthcheck")).isFalse();
  }

  @Test
  void overridesCommandEntrypointUserAndStopInWholeSeconds() {
    JsonNode body =
        body(
            overriding(
                List.of("serve", "--port", "8080"),
                List.of("/bin/sh", "-c"),
                "/srv",
                "1000:1000",
                "SIGINT",
                Duration.ofMillis(2900)));

    assertThat(body.get("Cmd"))
        .extracting(JsonNode::asText)
        .containsExactly("serve", "--port", "8080");
    assertThat(body.get("Entrypoint"))
        .extracting(JsonNode::asText)
        .containsExactly("/bin/sh", "-c");
    assertThat(body.get("WorkingDir").asText()).isEqualTo("/srv");
    assertThat(body.get("User").asText()).isEqualTo("1000:1000");
    assertThat(body.get("StopSignal").asText()).isEqualTo("SIGINT");
    assertThat(body.get("StopTimeout").asInt()).isEqualTo(2);
  }

  @Test
  void aNegativeStopGracePeriodStopsAtOnce() {
    JsonNode body = body(overriding(null, null, null, null, null, Duration.ofSeconds(-5)));

    assertThat(body.get("StopTimeout").asInt()).isZero();
  }

  @Test
  void givesTheHealthcheckInNanosecondsLeavingUnsetFieldsToTheEngine() {
    HealthSpec spec =
        new HealthSpec(
            List.of("CMD-SHELL", "pg_isready"),
            Duration.ofSeconds(2),
            null,
            Duration.ofMillis(500),
            5);

    JsonNode check = body(request(List.of(), List.of(), List.of(), spec)).get("Healthcheck");

    assertThat(check.get("Test"))
        .extracting(JsonNode::asText)
        .containsExactly("CMD-SHELL", "pg_isready");
    assertThat(check.get("Interval").asLong()).isEqualTo(2_000_000_000L);
    assertThat(check.get("StartPeriod").asLong()).isEqualTo(500_000_000L);
    assertThat(check.get("Retries").asInt()).isEqualTo(5);
    assertThat(check.hasNonNull("Timeout")).isFalse();
  }

  @Test
  void aHealthcheckWithoutTestKeepsTheImagesTest() {
    HealthSpec spec = new HealthSpec(List.of(), null, Duration.ofSeconds(3), null, null);

    JsonNode check = body(request(List.of(), List.of(), List.of(), spec)).get("Healthcheck");

    assertThat(check.hasNonNull("Test")).isFalse();
    assertThat(check.get("Timeout").asLong()).isEqualTo(3_000_000_000L);
  }

  @Test
  void givesTheStartIntervalInNanosecondsWhenTheFileSetsIt() {
    HealthSpec spec =
        new HealthSpec(List.of(), null, null, Duration.ofSeconds(30), null, Duration.ofSeconds(1));

    JsonNode check = body(request(List.of(), List.of(), List.of(), spec)).get("Healthcheck");

    assertThat(check.get("StartInterval").asLong()).isEqualTo(1_000_000_000L);
  }

  private static ContainerRequest request(
      List<PortSpec> ports, List<Integer> exposed, List<MountSpec> mounts, HealthSpec health) {
    return new ContainerRequest(
        "jtest-ab12-db",
        "postgres:16",
        "db",
        null,
        null,
        List.of("POSTGRES_PASSWORD=x"),
        LABELS,
        null,
        null,
        exposed,
        ports,
        mounts,
        "jtest-ab12-default",
        List.of("db", "database"),
        health,
        null,
        null);
  }

  private static ContainerRequest overriding(
      List<String> command,
      List<String> entrypoint,
      String workingDir,
      String user,
      String stopSignal,
      Duration stopGracePeriod) {
    return new ContainerRequest(
        "jtest-ab12-app",
        "app:1",
        "app",
        command,
        entrypoint,
        List.of(),
        LABELS,
        workingDir,
        user,
        List.of(),
        List.of(),
        List.of(),
        "jtest-ab12-default",
        List.of("app"),
        null,
        stopSignal,
        stopGracePeriod);
  }

  private static CreateContainerCmd fill(ContainerRequest request) {
    CreateContainerCmd command =
        new CreateContainerCmdImpl(
            sent -> {
              throw new AssertionError("no engine in this test");
            },
            null,
            request.image());
    return ContainerRequestMapping.fill(command, request);
  }

  private static JsonNode body(ContainerRequest request) {
    return json(fill(request));
  }

  /** The body as docker-java serializes it for the engine. */
  private static JsonNode json(CreateContainerCmd command) {
    return DockerClientConfig.getDefaultObjectMapper().valueToTree(command);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
