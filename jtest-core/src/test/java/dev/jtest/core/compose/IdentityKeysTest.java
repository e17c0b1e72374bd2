package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The identity and network keys ({@code hostname}, {@code extra_hosts}, {@code dns*}, {@code tty},
 * {@code platform}, {@code pull_policy}, {@code links}, {@code volumes_from}, {@code network_mode},
 * {@code label_file}, {@code annotations}, {@code env_file} options) in every form compose-spec
 * accepts, each bad value one error naming file, line, service, key and value; and the keys jtest
 * accepts with one info line.
 */
class IdentityKeysTest {

  @TempDir Path dir;

  private ComposeModel load(String services) throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "services:\n" + services);
    return ComposeLoader.load(List.of(file), Map.of(), Set.of());
  }

  private IdentitySpec identity(String keys) throws IOException {
    return load("  web:\n    image: x\n" + keys).services().get("web").identity();
  }

  private void assertRejected(String keys, String message) {
    assertThatThrownBy(() -> identity(keys))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("compose.yaml:4: service 'web': " + message);
  }

  @Test
  void aServiceWithoutIdentityKeysKeepsTheEnginesDefaults() throws IOException {
    assertThat(identity("")).isEqualTo(IdentitySpec.NONE);
  }

  @Test
  void readsHostNameDomainDnsTerminalMacAndPlatform() throws IOException {
    IdentitySpec identity =
        identity(
            """
                hostname: webhost
                domainname: example.test
                dns: 9.9.9.9
                dns_search: [a.test, b.test]
                dns_opt: ["ndots:2", "timeout:1"]
                mac_address: "02:42:ac:11:00:02"
                stdin_open: "true"
                tty: true
                platform: linux/arm64/v8
            """);

    assertThat(identity.hostname()).isEqualTo("webhost");
    assertThat(identity.domainname()).isEqualTo("example.test");
    assertThat(identity.dns()).containsExactly("9.9.9.9");
    assertThat(identity.dnsSearch()).containsExactly("a.test", "b.test");
    assertThat(identity.dnsOptions()).containsExactly("ndots:2", "timeout:1");
    assertThat(identity.macAddress()).isEqualTo("02:42:ac:11:00:02");
    assertThat(identity.stdinOpen()).isTrue();
    assertThat(identity.tty()).isTrue();
    assertThat(identity.platform()).isEqualTo("linux/arm64/v8");
  }

  @Test
  void readsExtraHostsInTheListFormsWithIpv6AndHostGateway() throws IOException {
    IdentitySpec identity =
        identity(
            """
                extra_hosts:
                  - "db.local:10.0.0.5"
                  - "cache.local=10.0.0.6"
                  - "v6.local=[::1]"
                  - "v6b.local:fe80::1"
                  - "host.docker.internal:host-gateway"
            """);

    assertThat(identity.extraHosts())
        .containsExactly(
            "db.local:10.0.0.5",
            "cache.local:10.0.0.6",
            "v6.local:::1",
            "v6b.local:fe80::1",
            "host.docker.internal:host-gateway");
  }

  @Test
  void readsExtraHostsAsAMappingWithSeveralAddressesPerHost() throws IOException {
    IdentitySpec identity =
        identity(
            """
                extra_hosts:
                  db.local: 10.0.0.5
                  multi.local: ["10.0.0.7", "::1"]
            """);

    assertThat(identity.extraHosts())
        .containsExactly("db.local:10.0.0.5", "multi.local:10.0.0.7", "multi.local:::1");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(
            "extra_hosts: [\"nohost\"]",
            "extra_hosts entry 'nohost' is not HOST:IP or HOST=IP (e.g. db.local=10.0.0.5)"),
        Arguments.of(
            "extra_hosts: [\"db=999.1.1.1\"]",
            "extra_hosts entry 'db=999.1.1.1': '999.1.1.1' is not an IP address: give an IPv4 or"
                + " IPv6 address, or host-gateway for the engine's host"),
        Arguments.of(
            "mac_address: \"02:42\"",
            "mac_address '02:42' is not a MAC address: write six hex pairs, 02:42:ac:11:00:02"),
        Arguments.of("tty: maybe", "'tty' must be true or false, not 'maybe'"),
        Arguments.of(
            "platform: Linux amd64",
            "platform 'Linux amd64' is not OS[/ARCH[/VARIANT]]: write e.g. linux/amd64 or"
                + " linux/arm64/v8"),
        Arguments.of(
            "pull_policy: sometimes",
            "pull_policy 'sometimes' is unknown: use always, never, missing, if_not_present, build,"
                + " daily, weekly or every_<duration>"),
        Arguments.of(
            "pull_policy: build",
            "pull_policy 'build' needs a 'build:' section: add one or remove the key"),
        Arguments.of("links: [\"db:\"]", "link 'db:' is not SERVICE or SERVICE:ALIAS"),
        Arguments.of(
            "volumes_from: [\"db:rx\"]",
            "volumes_from entry 'db:rx' is not SERVICE, SERVICE:ro, container:NAME or"
                + " container:NAME:ro"),
        Arguments.of(
            "network_mode: bridged",
            "network_mode 'bridged' is unknown: use none, host, bridge, service:NAME or"
                + " container:NAME"),
        Arguments.of(
            "network_mode: none\n    ports: [\"8080\"]",
            "network_mode 'none' publishes no ports, so 'ports' would give no endpoint: remove"
                + " 'ports' (the service has no network) or remove network_mode"),
        Arguments.of(
            "network_mode: host\n    ports: [\"8080\"]",
            "network_mode 'host' publishes no ports, so 'ports' would give no endpoint: remove"
                + " 'ports' (the service listens on the engine host's ports) or remove"
                + " network_mode"),
        Arguments.of(
            "network_mode: host\n    networks: [default]",
            "network_mode 'host' and 'networks' cannot both be set: keep one of them"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void rejectsABadValueNamingFileLineServiceKeyAndValue(String keys, String message) {
    assertRejected("    " + keys + "\n", message);
  }

  @Test
  void acceptsEveryPullPolicyCompose() throws IOException {
    assertThat(identity("    pull_policy: always\n").pullPolicy())
        .isEqualTo(IdentitySpec.PullPolicy.ALWAYS);
    assertThat(identity("    pull_policy: never\n").pullPolicy())
        .isEqualTo(IdentitySpec.PullPolicy.NEVER);
    for (String missing : List.of("missing", "if_not_present", "daily", "weekly", "every_12h")) {
      assertThat(identity("    pull_policy: " + missing + "\n").pullPolicy())
          .as(missing)
          .isEqualTo(IdentitySpec.PullPolicy.MISSING);
    }
  }

  @Test
  void linksVolumesFromAndNetworkModeServiceMakeTheirTargetsDependencies() throws IOException {
    ComposeModel model =
        load(
            """
              db: {image: x}
              data: {image: x}
              vpn: {image: x}
              web:
                image: x
                depends_on: {db: {condition: service_healthy}}
                links: ["db:database", data]
                volumes_from: ["data:ro", "container:legacy", "container:other:rw"]
                network_mode: "service:vpn"
            """);
    ServiceSpec web = model.services().get("web");

    assertThat(web.identity().links())
        .containsExactly(Map.entry("db", "database"), Map.entry("data", "data"));
    assertThat(web.identity().volumesFrom())
        .containsExactly(
            new IdentitySpec.VolumesFrom("data", false, true),
            new IdentitySpec.VolumesFrom("legacy", true, false),
            new IdentitySpec.VolumesFrom("other", true, false));
    assertThat(web.identity().networkService()).isEqualTo("vpn");
    // An explicit condition is kept; the implied ones wait for the container to start.
    assertThat(web.dependsOn())
        .containsExactly(
            Map.entry("db", DependencyCondition.SERVICE_HEALTHY),
            Map.entry("data", DependencyCondition.SERVICE_STARTED),
            Map.entry("vpn", DependencyCondition.SERVICE_STARTED));
  }

  @Test
  void aLinkToAnUndeclaredServiceNamesTheKeyAndSuggests() {
    assertThatThrownBy(() -> load("  dbase: {image: x}\n  web:\n    image: x\n    links: [db]\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "compose.yaml:3: service 'web': 'links' names service 'db', which the file does not"
                + " declare");
  }

  @Test
  void readsLabelFilesBeneathTheLabelsKey() throws IOException {
    Files.writeString(dir.resolve("labels.env"), "team=core\ntier=back\n# a comment\nbare\n");

    ComposeModel model =
        load("  web:\n    image: x\n    label_file: ./labels.env\n    labels: {tier: front}\n");

    assertThat(model.services().get("web").labels())
        .containsExactly(
            Map.entry("team", "core"), Map.entry("tier", "front"), Map.entry("bare", ""));
  }

  @Test
  void anOptionalEnvFileThatIsMissingIsLeftOutAndARawOneIsTakenAsItIs() throws IOException {
    Files.writeString(dir.resolve("raw.env"), "QUOTED=\"kept\" # and this\n");

    ComposeModel model =
        load(
            """
              web:
                image: x
                env_file:
                  - {path: ./missing.env, required: false}
                  - {path: ./raw.env, format: raw}
            """);

    assertThat(model.services().get("web").environment())
        .containsExactly(Map.entry("QUOTED", "\"kept\" # and this"));
  }

  @Test
  void aRequiredEnvFileThatIsMissingIsStillAnError() {
    assertThatThrownBy(
            () ->
                load(
                    "  web:\n"
                        + "    image: x\n"
                        + "    env_file: [{path: ./missing.env, required: true}]\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("missing.env cannot be read");
  }

  @Test
  void anUnknownEnvFileFormatIsOneError() {
    assertThatThrownBy(
            () -> load("  web:\n    image: x\n    env_file: [{path: ./a.env, format: yaml}]\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:4: service 'web': env_file format 'yaml' is not supported: leave 'format'"
                + " out for compose's .env format, or use raw for values taken as they are");
  }

  @Test
  void readsAnnotationsAsAListOrAMapping() throws IOException {
    assertThat(identity("    annotations: [\"a=1\", \"b\"]\n").annotations())
        .containsExactly(Map.entry("a", "1"), Map.entry("b", ""));
    assertThat(identity("    annotations: {a: 1}\n").annotations())
        .containsExactly(Map.entry("a", "1"));
  }

  @Test
  void acceptedKeysGiveOneInfoLineEachAndNoWarning() throws IOException {
    ComposeModel model =
        load(
            """
              web:
                image: x
                container_name: legacy-web
                restart: always
                scale: 1
                deploy: {replicas: 3}
                logging: {driver: syslog}
            """);

    assertThat(model.warnings()).isEmpty();
    assertThat(model.notes())
        .containsExactly(
            "compose.yaml:4: service 'web': container_name: legacy-web is accepted: jtest names"
                + " the container jtest-<run id>-<service> so that runs never collide, and keeps"
                + " this name as a network alias, so other services still reach it by it",
            "compose.yaml:5: service 'web': restart: always is accepted: jtest never restarts a"
                + " container: one that exits is reported with its exit code and last log lines,"
                + " and every service is stopped at the end of the run",
            "compose.yaml:7: service 'web': deploy is accepted: jtest starts one container per"
                + " service and does not restart it; deploy.resources is applied, the rest of"
                + " deploy is for orchestrators",
            "compose.yaml:8: service 'web': logging is accepted: jtest keeps the engine's default"
                + " log driver, as it reads each container's log for readiness and for the"
                + " diagnosis of a failure");
    assertThat(model.services().get("web").identity().containerName()).isEqualTo("legacy-web");
  }

  @Test
  void deployWithOnlyResourcesOrOneReplicaSaysNothing() throws IOException {
    ComposeModel model =
        load("  web:\n    image: x\n    deploy: {replicas: 1, resources: {}}\n    scale: 1\n");

    assertThat(model.notes()).isEmpty();
  }

  @Test
  void aProviderServiceWithoutImageIsOneClearError() {
    assertThatThrownBy(() -> load("  ai:\n    provider: {type: model}\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:2: service 'ai': is managed by a provider ('provider:'), which jtest"
                + " cannot start: give the tests a compose file without it, or a service with an"
                + " image in its place");
  }
}
