package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.IdentitySpec;
import dev.jtest.core.compose.Location;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ResourceSpec;
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
  void setsHostsDnsTerminalVolumesFromAndAnnotationsButNoLegacyLinks() {
    IdentitySpec identity =
        new IdentitySpec(
            "web",
            "example.test",
            List.of("db.local:10.0.0.5", "gw:host-gateway", "v6:::1"),
            List.of("9.9.9.9"),
            List.of("example.test"),
            List.of("ndots:2"),
            "02:42:ac:11:00:02",
            true,
            true,
            "linux/amd64",
            IdentitySpec.PullPolicy.MISSING,
            Map.of("jtest-ab12-db", "database"),
            List.of(
                new IdentitySpec.VolumesFrom("jtest-ab12-data", true, true),
                new IdentitySpec.VolumesFrom("other", true, false)),
            null,
            Map.of("com.example.team", "qa"),
            null);

    CreateContainerCmd command = fill(app(null, null, null, null, null, null, identity));
    JsonNode body = json(command);

    assertThat(body.get("Domainname").asText()).isEqualTo("example.test");
    assertThat(body.get("MacAddress").asText()).isEqualTo("02:42:ac:11:00:02");
    assertThat(body.get("Tty").asBoolean()).isTrue();
    assertThat(body.get("OpenStdin").asBoolean()).isTrue();
    assertThat(command.getPlatform()).isEqualTo("linux/amd64");
    JsonNode host = body.get("HostConfig");
    assertThat(host.get("ExtraHosts"))
        .extracting(JsonNode::asText)
        .containsExactly("db.local:10.0.0.5", "gw:host-gateway", "v6:::1");
    assertThat(host.get("Dns")).extracting(JsonNode::asText).containsExactly("9.9.9.9");
    assertThat(host.get("DnsSearch")).extracting(JsonNode::asText).containsExactly("example.test");
    assertThat(host.get("DnsOptions")).extracting(JsonNode::asText).containsExactly("ndots:2");
    assertThat(host.path("Links").isMissingNode() || host.get("Links").isNull())
        .as("links are the linked service's network aliases: Podman refuses legacy links")
        .isTrue();
    assertThat(host.get("VolumesFrom"))
        .extracting(JsonNode::asText)
        .containsExactly("jtest-ab12-data:ro", "other:rw");
    assertThat(host.at("/Annotations/com.example.team").asText()).isEqualTo("qa");
  }

  @Test
  void leavesIdentityToTheEngineWhenNothingIsSet() {
    CreateContainerCmd command = fill(request(List.of(), List.of(), List.of(), null));
    JsonNode body = json(command);

    assertThat(body.hasNonNull("Domainname")).isFalse();
    assertThat(body.hasNonNull("MacAddress")).isFalse();
    assertThat(body.path("Tty").asBoolean(false)).isFalse();
    assertThat(command.getPlatform()).isNull();
    assertThat(
            body.at("/HostConfig/ExtraHosts").isMissingNode()
                || body.at("/HostConfig/ExtraHosts").isNull())
        .isTrue();
    assertThat(
            body.at("/HostConfig/Links").isMissingNode() || body.at("/HostConfig/Links").isNull())
        .isTrue();
  }

  @Test
  void setsEveryResourcePrivilegeAndNamespaceSettingOnTheHostConfig() {
    ResourceSpec spec =
        new ResourceSpec(
            List.of("NET_ADMIN", "SYS_TIME"),
            List.of("MKNOD"),
            true,
            true,
            List.of("no-new-privileges:true"),
            Map.of("net.core.somaxconn", "1024"),
            Map.of("nofile", new ResourceSpec.Ulimit(20000, 40000)),
            64L * 1024 * 1024,
            true,
            256L * 1024 * 1024,
            128L * 1024 * 1024,
            512L * 1024 * 1024,
            10L,
            false,
            -500,
            1_500_000_000L,
            512,
            50_000L,
            100_000L,
            "0",
            100L,
            List.of(new ResourceSpec.Device("/dev/null", "/dev/mynull", "rw")),
            List.of("mail", "1234"),
            "container:jtest-ab12-db",
            "host",
            "host",
            "host",
            "private",
            "jtest-parent",
            Map.of("size", "1G"),
            "runc",
            new ResourceSpec.Blkio(
                300,
                Map.of("/dev/sda", 400),
                Map.of("/dev/sdb", 12L * 1024 * 1024),
                Map.of(),
                Map.of("/dev/sdb", 120L),
                Map.of()),
            null,
            null,
            List.of());

    JsonNode host = body(request(spec)).get("HostConfig");

    assertThat(host.get("CapAdd"))
        .extracting(JsonNode::asText)
        .containsExactly("NET_ADMIN", "SYS_TIME");
    assertThat(host.get("CapDrop")).extracting(JsonNode::asText).containsExactly("MKNOD");
    assertThat(host.get("Privileged").asBoolean()).isTrue();
    assertThat(host.get("ReadonlyRootfs").asBoolean()).isTrue();
    assertThat(host.get("SecurityOpt"))
        .extracting(JsonNode::asText)
        .containsExactly("no-new-privileges:true");
    assertThat(host.at("/Sysctls/net.core.somaxconn").asText()).isEqualTo("1024");
    assertThat(host.at("/Ulimits/0/Name").asText()).isEqualTo("nofile");
    assertThat(host.at("/Ulimits/0/Soft").asLong()).isEqualTo(20000);
    assertThat(host.at("/Ulimits/0/Hard").asLong()).isEqualTo(40000);
    assertThat(host.get("ShmSize").asLong()).isEqualTo(67_108_864L);
    assertThat(host.get("Init").asBoolean()).isTrue();
    assertThat(host.get("Memory").asLong()).isEqualTo(268_435_456L);
    assertThat(host.get("MemoryReservation").asLong()).isEqualTo(134_217_728L);
    assertThat(host.get("MemorySwap").asLong()).isEqualTo(536_870_912L);
    assertThat(host.get("MemorySwappiness").asLong()).isEqualTo(10);
    assertThat(host.get("OomKillDisable").asBoolean()).isFalse();
    assertThat(host.get("OomScoreAdj").asInt()).isEqualTo(-500);
    assertThat(host.get("NanoCpus").asLong()).isEqualTo(1_500_000_000L);
    assertThat(host.get("CpuShares").asInt()).isEqualTo(512);
    assertThat(host.get("CpuQuota").asLong()).isEqualTo(50_000L);
    assertThat(host.get("CpuPeriod").asLong()).isEqualTo(100_000L);
    assertThat(host.get("CpusetCpus").asText()).isEqualTo("0");
    assertThat(host.get("PidsLimit").asLong()).isEqualTo(100);
    assertThat(host.at("/Devices/0/PathOnHost").asText()).isEqualTo("/dev/null");
    assertThat(host.at("/Devices/0/PathInContainer").asText()).isEqualTo("/dev/mynull");
    assertThat(host.at("/Devices/0/CgroupPermissions").asText()).isEqualTo("rw");
    assertThat(host.get("GroupAdd")).extracting(JsonNode::asText).containsExactly("mail", "1234");
    assertThat(host.get("IpcMode").asText()).isEqualTo("container:jtest-ab12-db");
    assertThat(host.get("PidMode").asText()).isEqualTo("host");
    assertThat(host.get("UTSMode").asText()).isEqualTo("host");
    assertThat(host.get("UsernsMode").asText()).isEqualTo("host");
    assertThat(host.get("CgroupnsMode").asText()).isEqualTo("private");
    assertThat(host.get("CgroupParent").asText()).isEqualTo("jtest-parent");
    assertThat(host.at("/StorageOpt/size").asText()).isEqualTo("1G");
    assertThat(host.get("Runtime").asText()).isEqualTo("runc");
    assertThat(host.get("BlkioWeight").asInt()).isEqualTo(300);
    assertThat(host.at("/BlkioWeightDevice/0/Path").asText()).isEqualTo("/dev/sda");
    assertThat(host.at("/BlkioWeightDevice/0/Weight").asInt()).isEqualTo(400);
    assertThat(host.at("/BlkioDeviceReadBps/0/Rate").asLong()).isEqualTo(12_582_912L);
    assertThat(host.at("/BlkioDeviceReadIOps/0/Rate").asLong()).isEqualTo(120);
    assertThat(host.hasNonNull("BlkioDeviceWriteBps")).isFalse();
  }

  @Test
  void leavesEveryResourceSettingToTheEngineWhenTheSpecSetsNone() {
    JsonNode host = body(request(ResourceSpec.NONE)).get("HostConfig");

    for (String field :
        List.of(
            "CapAdd",
            "CapDrop",
            "Privileged",
            "ReadonlyRootfs",
            "SecurityOpt",
            "Sysctls",
            "Ulimits",
            "ShmSize",
            "Init",
            "Memory",
            "MemoryReservation",
            "MemorySwap",
            "MemorySwappiness",
            "OomKillDisable",
            "OomScoreAdj",
            "NanoCpus",
            "CpuShares",
            "CpuQuota",
            "CpuPeriod",
            "CpusetCpus",
            "PidsLimit",
            "Devices",
            "DeviceRequests",
            "GroupAdd",
            "IpcMode",
            "PidMode",
            "UTSMode",
            "UsernsMode",
            "CgroupnsMode",
            "CgroupParent",
            "StorageOpt",
            "Runtime",
            "BlkioWeight",
            "BlkioWeightDevice")) {
      assertThat(host.hasNonNull(field)).as(field).isFalse();
    }
  }

  @Test
  void asksTheCdiDriverForACdiDeviceName() {
    ResourceSpec spec =
        withDevices(new ResourceSpec.Device("vendor.com/gpu=all", "vendor.com/gpu=all", "rwm"));

    JsonNode host = body(request(spec)).get("HostConfig");

    assertThat(host.hasNonNull("Devices")).isFalse();
    assertThat(host.at("/DeviceRequests/0/Driver").asText()).isEqualTo("cdi");
    assertThat(host.at("/DeviceRequests/0/DeviceIDs/0").asText()).isEqualTo("vendor.com/gpu=all");
  }

  @Test
  void refusesACdiDeviceOnAnEngineOlderThanApi144NamingTheKeyAndBothVersions() {
    ResourceSpec cdi =
        withDevices(new ResourceSpec.Device("vendor.com/gpu=all", "vendor.com/gpu=all", "rwm"));
    ResourceSpec path = withDevices(new ResourceSpec.Device("/dev/null", "/dev/null", "rwm"));

    assertThat(ResourceMapping.unsupported(cdi, "1.41"))
        .get()
        .asString()
        .contains("'devices' entry 'vendor.com/gpu=all'", "API 1.44", "speaks API 1.41");
    assertThat(ResourceMapping.unsupported(cdi, "1.44")).isEmpty();
    assertThat(ResourceMapping.unsupported(cdi, "1.100")).isEmpty();
    assertThat(ResourceMapping.unsupported(path, "1.41")).isEmpty();
  }

  @Test
  void namesTheComposeKeyOfASettingTheEngineDropped() {
    assertThat(
            ResourceMapping.explain(
                "Your kernel does not support memory swappiness capabilities or the cgroup is not"
                    + " mounted. Memory swappiness discarded."))
        .startsWith("the engine did not apply 'mem_swappiness': Your kernel");
    assertThat(
            ResourceMapping.explain(
                "Your kernel does not support swap limit capabilities or the cgroup is not"
                    + " mounted. Memory limited without swap."))
        .startsWith("the engine warns: Your kernel does not support swap limit");
    assertThat(
            ResourceMapping.explain(
                "Your kernel does not support memory soft limit capabilities or the cgroup is not"
                    + " mounted. Limitation discarded."))
        .startsWith("the engine did not apply 'mem_reservation': ");
    assertThat(
            ResourceMapping.explain(
                "Your kernel does not support Block I/O weight_device or the cgroup is not"
                    + " mounted. Weight-device discarded."))
        .startsWith("the engine did not apply 'blkio_config.weight_device': ");
    assertThat(ResourceMapping.explain("Something new"))
        .isEqualTo("the engine warns: Something new");
  }

  private static ResourceSpec withDevices(ResourceSpec.Device device) {
    ResourceSpec none = ResourceSpec.NONE;
    return new ResourceSpec(
        none.capAdd(),
        none.capDrop(),
        false,
        false,
        none.securityOpt(),
        none.sysctls(),
        none.ulimits(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(device),
        none.groupAdd(),
        null,
        null,
        null,
        null,
        null,
        null,
        none.storageOpt(),
        null,
        none.blkio(),
        null,
        null,
        List.of());
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
    return request(ports, exposed, mounts, health, ResourceSpec.NONE);
  }

  private static ContainerRequest request(ResourceSpec resources) {
    return request(List.of(), List.of(), List.of(), null, resources);
  }

  private static ContainerRequest request(
      List<PortSpec> ports,
      List<Integer> exposed,
      List<MountSpec> mounts,
      HealthSpec health,
      ResourceSpec resources) {
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
        null,
        IdentitySpec.NONE,
        resources);
  }

  private static ContainerRequest app(
      List<String> command,
      List<String> entrypoint,
      String workingDir,
      String user,
      String stopSignal,
      Duration stopGracePeriod,
      IdentitySpec identity) {
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
        stopGracePeriod,
        identity,
        ResourceSpec.NONE);
  }

  private static ContainerRequest overriding(
      List<String> command,
      List<String> entrypoint,
      String workingDir,
      String user,
      String stopSignal,
      Duration stopGracePeriod) {
    return app(
        command, entrypoint, workingDir, user, stopSignal, stopGracePeriod, IdentitySpec.NONE);
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
