package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.compose.MountSpec;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerRequest;
import dev.jtest.core.engine.PublishAddress;
import dev.jtest.core.testing.ComposeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container request of a service: a pure mapping, so no engine. */
class ContainerRequestsTest {

  private static final RunIdentity RUN =
      new RunIdentity("ab12cd34", "demo-0011aabb", 4242, "builder", 1_700_000_000_000L);

  @TempDir Path dir;

  private ComposeModel model;

  private ContainerRequests requests(boolean keep) throws Exception {
    Files.createDirectories(dir.resolve("conf"));
    model =
        ComposeText.load(
            dir,
            """
            services:
              api:
                image: example/api:1
                command: ["serve", "--port", "8080"]
                entrypoint: ["/entry.sh"]
                environment: {MODE: test, LEVEL: info}
                ports: ["8080", "127.0.0.1:9000:9000"]
                expose: ["5005"]
                labels: {team: core, dev.jtest.run: forged}
                working_dir: /srv
                user: "1000:1000"
                stop_signal: SIGINT
                stop_grace_period: 3s
                healthcheck: {test: ["CMD", "true"], interval: 1s}
                networks: [front, back, corp]
                volumes:
                  - data:/var/data
                  - shared:/shared:ro
                  - legacy:/legacy
                  - ./conf:/etc/conf:ro
                  - /anonymous
                  - type: tmpfs
                    target: /tmp
            networks:
              front: {}
              back: {}
              corp: {external: true, name: corp-net}
            volumes:
              data: {}
              shared: {external: true, name: team-shared}
              legacy: {external: true}
            """);
    return new ContainerRequests(
        RUN,
        keep,
        model.volumes(),
        Map.of("front", "jtest-ab12cd34-front", "back", "jtest-ab12cd34-back", "corp", "corp-net"));
  }

  private ServiceSpec api() {
    return model.services().get("api");
  }

  @Test
  void namesTheContainerAfterTheRunAndTheService() throws Exception {
    ContainerRequest request =
        requests(false).request(api(), "sha256:abc", ServiceHooks.Adjustment.NONE);

    assertThat(request.name()).isEqualTo("jtest-ab12cd34-api");
    assertThat(request.hostName()).isEqualTo("api");
    assertThat(request.image()).isEqualTo("sha256:abc");
  }

  @Test
  void labelsTheContainerWithTheRunProjectAndOwnerOverTheServicesOwnLabels() throws Exception {
    ContainerRequest request =
        requests(false).request(api(), "sha256:abc", ServiceHooks.Adjustment.NONE);

    assertThat(request.labels())
        .containsEntry("team", "core")
        .containsEntry("dev.jtest.run", "ab12cd34")
        .containsEntry("dev.jtest.project", "demo-0011aabb")
        .containsEntry("dev.jtest.service", "api")
        .containsEntry("dev.jtest.owner.pid", "4242")
        .containsEntry("dev.jtest.owner.host", "builder")
        .containsEntry("dev.jtest.owner.start", "1700000000000")
        .doesNotContainKey("dev.jtest.keep");
  }

  @Test
  void labelsAKeptRunsContainerAsKept() throws Exception {
    ContainerRequest request =
        requests(true).request(api(), "sha256:abc", ServiceHooks.Adjustment.NONE);

    assertThat(request.labels()).containsEntry("dev.jtest.keep", "true");
  }

  @Test
  void passesTheServicesOwnSettingsThrough() throws Exception {
    ContainerRequest request =
        requests(false).request(api(), "sha256:abc", ServiceHooks.Adjustment.NONE);

    assertThat(request.command()).containsExactly("serve", "--port", "8080");
    assertThat(request.entrypoint()).containsExactly("/entry.sh");
    assertThat(request.workingDir()).isEqualTo("/srv");
    assertThat(request.user()).isEqualTo("1000:1000");
    assertThat(request.exposedPorts()).containsExactly(5005);
    assertThat(request.healthcheck()).isEqualTo(api().healthcheck());
    assertThat(request.healthcheck().test()).containsExactly("CMD", "true");
    assertThat(request.stopSignal()).isEqualTo("SIGINT");
    assertThat(request.stopGracePeriod()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void leavesToTheImageWhatTheComposeFileDoesNotSay() throws Exception {
    ComposeModel bare = ComposeText.load(dir, "services:\n  db:\n    image: example/db:1\n");
    ContainerRequest request =
        new ContainerRequests(
                RUN, false, bare.volumes(), Map.of("default", "jtest-ab12cd34-default"))
            .request(bare.services().get("db"), "sha256:db", ServiceHooks.Adjustment.NONE);

    assertThat(request.command()).isNull();
    assertThat(request.entrypoint()).isNull();
    assertThat(request.workingDir()).isNull();
    assertThat(request.user()).isNull();
    assertThat(request.healthcheck()).isNull();
    assertThat(request.stopSignal()).isNull();
    assertThat(request.stopGracePeriod()).isNull();
    assertThat(request.environment()).isEmpty();
    assertThat(request.ports()).isEmpty();
    assertThat(request.network()).isEqualTo("jtest-ab12cd34-default");
  }

  /** The requests of a model whose services link, share volumes and share a network stack. */
  private static Map<String, ContainerRequest> linked(Path dir, boolean annotations)
      throws Exception {
    ComposeModel linked =
        ComposeText.load(
            dir,
            """
            services:
              db: {image: x, container_name: legacy-db}
              web:
                image: x
                hostname: webhost
                tty: true
                links: ["db:database"]
                volumes_from: ["db:ro", "container:outside"]
                annotations: {team: qa}
                networks: [default, back]
              sidecar: {image: x, network_mode: "service:web"}
            networks:
              back: {}
            """);
    ContainerRequests requests =
        new ContainerRequests(
            RUN,
            false,
            linked.volumes(),
            Map.of("default", "jtest-ab12cd34-default", "back", "jtest-ab12cd34-back"),
            PublishAddress.LOCAL,
            false,
            ContainerRequests.linkAliases(linked));
    Map<String, ContainerRequest> out = new java.util.LinkedHashMap<>();
    linked
        .services()
        .forEach(
            (name, spec) ->
                out.put(
                    name,
                    requests.request(spec, "sha256:x", ServiceHooks.Adjustment.NONE, annotations)));
    return out;
  }

  @Test
  void linksAreAliasesOfTheLinkedServiceAndVolumesFromNamesTheRunsContainers() throws Exception {
    Map<String, ContainerRequest> requests = linked(dir, true);

    ContainerRequest web = requests.get("web");
    assertThat(web.hostName()).isEqualTo("webhost");
    assertThat(web.identity().tty()).isTrue();
    assertThat(web.identity().links())
        .as("no legacy link: Podman refuses them, and on a network they are aliases")
        .isEmpty();
    assertThat(web.identity().volumesFrom())
        .containsExactly(
            new dev.jtest.core.compose.IdentitySpec.VolumesFrom("jtest-ab12cd34-db", true, true),
            new dev.jtest.core.compose.IdentitySpec.VolumesFrom("outside", true, false));
    assertThat(web.identity().annotations()).containsExactly(Map.entry("team", "qa"));
    assertThat(requests.get("db").aliases()).containsExactly("db", "legacy-db", "database");
  }

  @Test
  void aServiceSharingAnotherOnesNetworkJoinsNoNetworkAndHasNoAliasOrHostName() throws Exception {
    ContainerRequest sidecar = linked(dir, true).get("sidecar");

    assertThat(sidecar.network()).isEqualTo("container:jtest-ab12cd34-web");
    assertThat(sidecar.aliases()).isEmpty();
    assertThat(sidecar.hostName()).isNull();
  }

  @Test
  void leavesAnnotationsOutForAnEngineThatCannotTakeThem() throws Exception {
    assertThat(linked(dir, false).get("web").identity().annotations()).isEmpty();
  }

  @Test
  void environmentIsTheServicesWithTheHooksEntriesReplacingIt() throws Exception {
    ServiceHooks.Adjustment adjustment =
        new ServiceHooks.Adjustment(
            Map.of("LEVEL", "debug", "JAVA_TOOL_OPTIONS", "-javaagent:/a.jar"),
            List.of(),
            List.of());

    ContainerRequest request = requests(false).request(api(), "sha256:abc", adjustment);

    assertThat(request.environment())
        .startsWith("MODE=test", "LEVEL=debug")
        .containsExactlyInAnyOrder(
            "MODE=test", "LEVEL=debug", "JAVA_TOOL_OPTIONS=-javaagent:/a.jar");
  }

  @Test
  void publishesTheHooksPortsAfterTheServices() throws Exception {
    PortSpec agent = new PortSpec(PortSpec.LOOPBACK, null, 6300, "tcp", null);
    ServiceHooks.Adjustment adjustment =
        new ServiceHooks.Adjustment(Map.of(), List.of(agent), List.of());

    ContainerRequest request = requests(false).request(api(), "sha256:abc", adjustment);

    assertThat(request.ports())
        .extracting(PortSpec::hostIp, PortSpec::hostPort, PortSpec::containerPort)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", null, 8080),
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", 9000, 9000),
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", null, 6300));
  }

  @Test
  void movesLoopbackPortsToTheRemoteEnginesBindAddress() throws Exception {
    ContainerRequests local = requests(false);
    ContainerRequests remote =
        new ContainerRequests(
            RUN,
            false,
            local.volumes(),
            local.networks(),
            new PublishAddress("", "docker.ci"),
            true);
    PortSpec agent = new PortSpec(PortSpec.LOOPBACK, null, 6300, "tcp", null);

    ContainerRequest request =
        remote.request(
            api(), "sha256:abc", new ServiceHooks.Adjustment(Map.of(), List.of(agent), List.of()));

    assertThat(request.ports())
        .extracting(PortSpec::hostIp, PortSpec::hostPort, PortSpec::containerPort)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("", null, 8080),
            org.assertj.core.groups.Tuple.tuple("", 9000, 9000),
            org.assertj.core.groups.Tuple.tuple("", null, 6300));
    assertThat(request.mounts())
        .as("binds are copied in, not mounted")
        .extracting(MountSpec::type)
        .doesNotContain(MountSpec.Type.BIND)
        .contains(MountSpec.Type.VOLUME, MountSpec.Type.TMPFS);
  }

  @Test
  void mountsNamedVolumesByTheirEngineNamesAndTheRestAsWritten() throws Exception {
    ContainerRequest request =
        requests(false).request(api(), "sha256:abc", ServiceHooks.Adjustment.NONE);

    assertThat(request.mounts())
        .containsExactly(
            new MountSpec(MountSpec.Type.VOLUME, "jtest-ab12cd34-data", "/var/data", false),
            new MountSpec(MountSpec.Type.VOLUME, "team-shared", "/shared", true),
            new MountSpec(MountSpec.Type.VOLUME, "legacy", "/legacy", false),
            new MountSpec(MountSpec.Type.BIND, dir.resolve("conf").toString(), "/etc/conf", true),
            new MountSpec(MountSpec.Type.VOLUME, null, "/anonymous", false),
            new MountSpec(MountSpec.Type.TMPFS, null, "/tmp", false));
  }

  @Test
  void joinsTheFirstNetworkAtCreationAndTheOthersAfterAnsweringToTheServiceName() throws Exception {
    ContainerRequests requests = requests(false);
    ContainerRequest request = requests.request(api(), "sha256:abc", ServiceHooks.Adjustment.NONE);

    assertThat(request.network()).isEqualTo("jtest-ab12cd34-front");
    assertThat(request.aliases()).containsExactly("api");
    assertThat(requests.laterNetworks(api())).containsExactly("jtest-ab12cd34-back", "corp-net");
    assertThat(requests.aliases(api())).containsExactly("api");
  }
}
