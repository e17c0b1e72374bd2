package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key jtest reads, given each shape compose does not accept there: one message naming file,
 * line, service and key, with the accepted forms and what was found; never a cast or a null
 * pointer. The accepted shapes are those of compose-spec's {@code compose-spec.json}.
 */
class WrongShapesTest {

  enum Shape {
    TEXT("x", "'x'"),
    LIST("[a]", "a list ([a])"),
    MAPPING("{a: b}", "a mapping (a: b)");

    final String yaml;
    final String found;

    Shape(String yaml, String found) {
      this.yaml = yaml;
      this.found = found;
    }
  }

  private static final Set<Shape> T = Set.of(Shape.TEXT);
  private static final Set<Shape> L = Set.of(Shape.LIST);
  private static final Set<Shape> M = Set.of(Shape.MAPPING);
  private static final Set<Shape> TL = Set.of(Shape.TEXT, Shape.LIST);
  private static final Set<Shape> TM = Set.of(Shape.TEXT, Shape.MAPPING);
  private static final Set<Shape> LM = Set.of(Shape.LIST, Shape.MAPPING);

  /** A key of a service, the line that sets it with V for the value, and the shapes it accepts. */
  private record Row(String key, String line, Set<Shape> accepted) {}

  private static final List<Row> SERVICE_KEYS =
      List.of(
          new Row("image", "image: V", T),
          new Row("build", "build: V", TM),
          new Row("build.context", "build: {context: V}", T),
          new Row("build.dockerfile", "build: {dockerfile: V}", T),
          new Row("build.target", "build: {target: V}", T),
          new Row("build.args", "build: {args: V}", LM),
          new Row("build.args.A", "build: {args: {A: V}}", T),
          new Row("build.args[0]", "build: {args: [V]}", T),
          new Row("command", "command: V", TL),
          new Row("command[0]", "command: [V]", T),
          new Row("entrypoint", "entrypoint: V", TL),
          new Row("entrypoint[0]", "entrypoint: [V]", T),
          new Row("environment", "environment: V", LM),
          new Row("environment.A", "environment: {A: V}", T),
          new Row("environment[0]", "environment: [V]", T),
          new Row("env_file", "env_file: V", TL),
          new Row("env_file[0]", "env_file: [V]", TM),
          new Row("env_file[0].path", "env_file: [{path: V}]", T),
          new Row("ports", "ports: V", L),
          new Row("ports[0]", "ports: [V]", TM),
          new Row("ports[0].target", "ports: [{target: V}]", T),
          new Row("ports[0].published", "ports: [{target: 80, published: V}]", T),
          new Row("ports[0].host_ip", "ports: [{target: 80, host_ip: V}]", T),
          new Row("ports[0].protocol", "ports: [{target: 80, protocol: V}]", T),
          new Row("expose", "expose: V", L),
          new Row("expose[0]", "expose: [V]", T),
          new Row("volumes", "volumes: V", L),
          new Row("volumes[0]", "volumes: [V]", TM),
          new Row("volumes[0].type", "volumes: [{type: V, target: /t}]", T),
          new Row("volumes[0].source", "volumes: [{type: bind, source: V, target: /t}]", T),
          new Row("volumes[0].target", "volumes: [{type: tmpfs, target: V}]", T),
          new Row("volumes[0].read_only", "volumes: [{type: tmpfs, target: /t, read_only: V}]", T),
          new Row("tmpfs", "tmpfs: V", TL),
          new Row("tmpfs[0]", "tmpfs: [V]", T),
          new Row("depends_on", "depends_on: V", LM),
          new Row("depends_on[0]", "depends_on: [V]", T),
          new Row("depends_on.db", "depends_on: {db: V}", M),
          new Row("depends_on.db.condition", "depends_on: {db: {condition: V}}", T),
          new Row("healthcheck", "healthcheck: V", M),
          new Row("healthcheck.test", "healthcheck: {test: V}", TL),
          new Row("healthcheck.test[0]", "healthcheck: {test: [V]}", T),
          new Row("healthcheck.interval", "healthcheck: {interval: V}", T),
          new Row("healthcheck.timeout", "healthcheck: {timeout: V}", T),
          new Row("healthcheck.start_period", "healthcheck: {start_period: V}", T),
          new Row("healthcheck.retries", "healthcheck: {retries: V}", T),
          new Row("healthcheck.disable", "healthcheck: {disable: V}", T),
          new Row("labels", "labels: V", LM),
          new Row("labels.a", "labels: {a: V}", T),
          new Row("labels[0]", "labels: [V]", T),
          new Row("working_dir", "working_dir: V", T),
          new Row("user", "user: V", T),
          new Row("stop_grace_period", "stop_grace_period: V", T),
          new Row("stop_signal", "stop_signal: V", T),
          new Row("profiles", "profiles: V", TL),
          new Row("profiles[0]", "profiles: [V]", T),
          new Row("networks", "networks: V", LM),
          new Row("networks[0]", "networks: [V]", T),
          new Row("networks.front", "networks: {front: V}", M),
          new Row("hostname", "hostname: V", T),
          new Row("domainname", "domainname: V", T),
          new Row("extra_hosts", "extra_hosts: V", LM),
          new Row("extra_hosts[0]", "extra_hosts: [V]", T),
          new Row("extra_hosts.db", "extra_hosts: {db: V}", TL),
          new Row("dns", "dns: V", TL),
          new Row("dns[0]", "dns: [V]", T),
          new Row("dns_search", "dns_search: V", TL),
          new Row("dns_opt", "dns_opt: V", TL),
          new Row("mac_address", "mac_address: V", T),
          new Row("stdin_open", "stdin_open: V", T),
          new Row("tty", "tty: V", T),
          new Row("platform", "platform: V", T),
          new Row("pull_policy", "pull_policy: V", T),
          new Row("links", "links: V", L),
          new Row("links[0]", "links: [V]", T),
          new Row("volumes_from", "volumes_from: V", L),
          new Row("volumes_from[0]", "volumes_from: [V]", T),
          new Row("network_mode", "network_mode: V", T),
          new Row("label_file", "label_file: V", TL),
          new Row("label_file[0]", "label_file: [V]", T),
          new Row("annotations", "annotations: V", LM),
          new Row("annotations.a", "annotations: {a: V}", T),
          new Row("env_file[0].required", "env_file: [{path: f, required: V}]", T),
          new Row("env_file[0].format", "env_file: [{path: f, format: V}]", T),
          new Row("x-jtest", "x-jtest: V", M),
          new Row("x-jtest.wait", "x-jtest: {wait: V}", M),
          new Row("x-jtest.wait.http", "x-jtest: {wait: {http: V}}", T),
          new Row("x-jtest.wait.tcp", "x-jtest: {wait: {tcp: V}}", T),
          new Row("x-jtest.wait.log", "x-jtest: {wait: {log: V}}", T),
          new Row("x-jtest.wait.command", "x-jtest: {wait: {command: V}}", TL),
          new Row("x-jtest.wait.command[0]", "x-jtest: {wait: {command: [V]}}", T),
          new Row("x-jtest.wait.timeout", "x-jtest: {wait: {timeout: V}}", T),
          new Row("x-jtest.coverage", "x-jtest: {coverage: V}", T),
          new Row("x-jtest.coverage-includes", "x-jtest: {coverage-includes: V}", TL),
          new Row("x-jtest.coverage-excludes", "x-jtest: {coverage-excludes: V}", TL),
          new Row("x-jtest.cleanup", "x-jtest: {cleanup: V}", L),
          new Row("x-jtest.cleanup[0]", "x-jtest: {cleanup: [V]}", M),
          new Row("x-jtest.cleanup[0].show", "x-jtest: {cleanup: [{show: V}]}", TL),
          new Row("x-jtest.cleanup[0].clean", "x-jtest: {cleanup: [{clean: V}]}", TL),
          new Row("x-jtest.cleanup[0].http", "x-jtest: {cleanup: [{http: V}]}", M),
          new Row("x-jtest.cleanup[0].http.list", "x-jtest: {cleanup: [{http: {list: V}}]}", T),
          new Row("x-jtest.cleanup[0].http.name", "x-jtest: {cleanup: [{http: {name: V}}]}", T),
          new Row("x-jtest.cleanup[0].http.delete", "x-jtest: {cleanup: [{http: {delete: V}}]}", T),
          new Row(
              "x-jtest.cleanup[0].http.headers", "x-jtest: {cleanup: [{http: {headers: V}}]}", M),
          new Row(
              "x-jtest.cleanup[0].http.headers.A",
              "x-jtest: {cleanup: [{http: {headers: {A: V}}}]}",
              T),
          new Row("cap_add", "cap_add: V", L),
          new Row("cap_add[0]", "cap_add: [V]", T),
          new Row("cap_drop", "cap_drop: V", L),
          new Row("cap_drop[0]", "cap_drop: [V]", T),
          new Row("privileged", "privileged: V", T),
          new Row("read_only", "read_only: V", T),
          new Row("security_opt", "security_opt: V", L),
          new Row("security_opt[0]", "security_opt: [V]", T),
          new Row("sysctls", "sysctls: V", LM),
          new Row("sysctls.a", "sysctls: {a: V}", T),
          new Row("sysctls[0]", "sysctls: [V]", T),
          new Row("ulimits", "ulimits: V", M),
          new Row("ulimits.nofile", "ulimits: {nofile: V}", TM),
          new Row("ulimits.nofile.soft", "ulimits: {nofile: {soft: V, hard: 1}}", T),
          new Row("ulimits.nofile.hard", "ulimits: {nofile: {soft: 1, hard: V}}", T),
          new Row("shm_size", "shm_size: V", T),
          new Row("init", "init: V", T),
          new Row("mem_limit", "mem_limit: V", T),
          new Row("mem_reservation", "mem_reservation: V", T),
          new Row("memswap_limit", "memswap_limit: V", T),
          new Row("mem_swappiness", "mem_swappiness: V", T),
          new Row("oom_kill_disable", "oom_kill_disable: V", T),
          new Row("oom_score_adj", "oom_score_adj: V", T),
          new Row("cpus", "cpus: V", T),
          new Row("cpu_shares", "cpu_shares: V", T),
          new Row("cpu_quota", "cpu_quota: V", T),
          new Row("cpu_period", "cpu_period: V", T),
          new Row("cpuset", "cpuset: V", T),
          new Row("pids_limit", "pids_limit: V", T),
          new Row("cpu_rt_period", "cpu_rt_period: V", T),
          new Row("cpu_rt_runtime", "cpu_rt_runtime: V", T),
          new Row("device_cgroup_rules", "device_cgroup_rules: V", L),
          new Row("device_cgroup_rules[0]", "device_cgroup_rules: [V]", T),
          new Row("deploy", "deploy: V", M),
          new Row("deploy.resources", "deploy: {resources: V}", M),
          new Row("deploy.resources.limits", "deploy: {resources: {limits: V}}", M),
          new Row("deploy.resources.limits.cpus", "deploy: {resources: {limits: {cpus: V}}}", T),
          new Row(
              "deploy.resources.limits.memory", "deploy: {resources: {limits: {memory: V}}}", T),
          new Row("deploy.resources.limits.pids", "deploy: {resources: {limits: {pids: V}}}", T),
          new Row("deploy.resources.reservations", "deploy: {resources: {reservations: V}}", M),
          new Row(
              "deploy.resources.reservations.cpus",
              "deploy: {resources: {reservations: {cpus: V}}}",
              T),
          new Row(
              "deploy.resources.reservations.memory",
              "deploy: {resources: {reservations: {memory: V}}}",
              T),
          new Row("devices", "devices: V", L),
          new Row("devices[0]", "devices: [V]", TM),
          new Row("devices[0].source", "devices: [{source: V}]", T),
          new Row("devices[0].target", "devices: [{source: /dev/null, target: V}]", T),
          new Row("devices[0].permissions", "devices: [{source: /dev/null, permissions: V}]", T),
          new Row("group_add", "group_add: V", L),
          new Row("group_add[0]", "group_add: [V]", T),
          new Row("ipc", "ipc: V", T),
          new Row("pid", "pid: V", T),
          new Row("uts", "uts: V", T),
          new Row("userns_mode", "userns_mode: V", T),
          new Row("cgroup", "cgroup: V", T),
          new Row("cgroup_parent", "cgroup_parent: V", T),
          new Row("storage_opt", "storage_opt: V", M),
          new Row("storage_opt.size", "storage_opt: {size: V}", T),
          new Row("runtime", "runtime: V", T),
          new Row("blkio_config", "blkio_config: V", M),
          new Row("blkio_config.weight", "blkio_config: {weight: V}", T),
          new Row("blkio_config.weight_device", "blkio_config: {weight_device: V}", L),
          new Row("blkio_config.weight_device[0]", "blkio_config: {weight_device: [V]}", M),
          new Row(
              "blkio_config.weight_device[0].weight",
              "blkio_config: {weight_device: [{path: /dev/sda, weight: V}]}",
              T),
          new Row("blkio_config.device_read_bps", "blkio_config: {device_read_bps: V}", L),
          new Row("blkio_config.device_read_bps[0]", "blkio_config: {device_read_bps: [V]}", M),
          new Row(
              "blkio_config.device_read_bps[0].path",
              "blkio_config: {device_read_bps: [{path: V, rate: 1}]}",
              T),
          new Row(
              "blkio_config.device_read_bps[0].rate",
              "blkio_config: {device_read_bps: [{path: /dev/sda, rate: V}]}",
              T),
          new Row("secrets", "secrets: V", L),
          new Row("secrets[0]", "secrets: [V]", TM),
          new Row("secrets[0].source", "secrets: [{source: V}]", T),
          new Row("secrets[0].target", "secrets: [{source: s, target: V}]", T),
          new Row("secrets[0].uid", "secrets: [{source: s, uid: V}]", T),
          new Row("secrets[0].gid", "secrets: [{source: s, gid: V}]", T),
          new Row("secrets[0].mode", "secrets: [{source: s, mode: V}]", T),
          new Row("configs", "configs: V", L),
          new Row("configs[0]", "configs: [V]", TM),
          new Row("configs[0].target", "configs: [{source: c, target: V}]", T),
          new Row("post_start", "post_start: V", L),
          new Row("post_start[0]", "post_start: [V]", M),
          new Row("post_start[0].command", "post_start: [{command: V}]", TL),
          new Row("post_start[0].user", "post_start: [{user: V}]", T),
          new Row("post_start[0].privileged", "post_start: [{privileged: V}]", T),
          new Row("post_start[0].working_dir", "post_start: [{working_dir: V}]", T),
          new Row("post_start[0].environment", "post_start: [{environment: V}]", LM),
          new Row("pre_stop", "pre_stop: V", L),
          new Row("pre_stop[0].environment.A", "pre_stop: [{environment: {A: V}}]", T),
          new Row("depends_on.db.required", "depends_on: {db: {required: V}}", T),
          new Row("depends_on.db.restart", "depends_on: {db: {restart: V}}", T),
          new Row("healthcheck.start_interval", "healthcheck: {start_interval: V}", T),
          new Row("volumes[0].bind", "volumes: [{type: bind, source: ., target: /t, bind: V}]", M),
          new Row(
              "volumes[0].bind.create_host_path",
              "volumes: [{type: bind, source: ., target: /t, bind: {create_host_path: V}}]",
              T));

  /** Top-level keys: the whole file on line 1. */
  private static final List<Row> FILE_KEYS =
      List.of(
          new Row("services", "{services: V}", M),
          new Row("", "{services: {web: V}}", M),
          new Row("volumes", "{services: {web: {image: x}}, volumes: V}", M),
          new Row("volumes.cache", "{services: {web: {image: x}}, volumes: {cache: V}}", M),
          new Row(
              "volumes.cache.external",
              "{services: {web: {image: x}}, volumes: {cache: {external: V}}}",
              TM),
          new Row(
              "volumes.cache.name",
              "{services: {web: {image: x}}, volumes: {cache: {name: V}}}",
              T),
          new Row("networks", "{services: {web: {image: x}}, networks: V}", M),
          new Row("networks.front", "{services: {web: {image: x}}, networks: {front: V}}", M),
          new Row(
              "networks.front.external",
              "{services: {web: {image: x}}, networks: {front: {external: V}}}",
              TM),
          new Row(
              "networks.front.internal",
              "{services: {web: {image: x}}, networks: {front: {internal: V}}}",
              T),
          new Row(
              "networks.front.name",
              "{services: {web: {image: x}}, networks: {front: {name: V}}}",
              T),
          new Row("secrets", "{services: {web: {image: x}}, secrets: V}", M),
          new Row("secrets.s", "{services: {web: {image: x}}, secrets: {s: V}}", M),
          new Row("secrets.s.file", "{services: {web: {image: x}}, secrets: {s: {file: V}}}", T),
          new Row(
              "secrets.s.environment",
              "{services: {web: {image: x}}, secrets: {s: {environment: V}}}",
              T),
          new Row(
              "secrets.s.external",
              "{services: {web: {image: x}}, secrets: {s: {external: V}}}",
              T),
          new Row("configs", "{services: {web: {image: x}}, configs: V}", M),
          new Row(
              "configs.c.content", "{services: {web: {image: x}}, configs: {c: {content: V}}}", T));

  @TempDir Path dir;

  static Stream<Arguments> serviceKeys() {
    return wrongShapes(SERVICE_KEYS);
  }

  static Stream<Arguments> fileKeys() {
    return wrongShapes(FILE_KEYS);
  }

  private static Stream<Arguments> wrongShapes(List<Row> rows) {
    List<Arguments> cases = new ArrayList<>();
    for (Row row : rows) {
      for (Shape shape : Shape.values()) {
        if (!row.accepted().contains(shape)) {
          cases.add(Arguments.of(row.key(), row.line().replace("V", shape.yaml), shape.found));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("serviceKeys")
  void namesFileLineServiceAndKeyOfAServiceValueOfTheWrongShape(
      String key, String line, String found) throws IOException {
    // Every service needs an image; the row for 'image' itself must not set it twice.
    String base = key.equals("image") ? "user: u" : "image: x";
    Path file =
        Files.writeString(
            dir.resolve("compose.yaml"), "services:\n  web:\n    " + base + "\n    " + line + "\n");

    assertRejected(file, "compose.yaml:4: service 'web': '" + key + "' must be ", found);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fileKeys")
  void namesFileLineAndKeyOfATopLevelValueOfTheWrongShape(String key, String line, String found)
      throws IOException {
    Path file = Files.writeString(dir.resolve("compose.yaml"), line + "\n");
    String subject = key.isEmpty() ? "service 'web': " : "'" + key + "' ";

    assertRejected(file, "compose.yaml:1: " + subject + "must be ", found);
  }

  private static void assertRejected(Path file, String start, String found) {
    assertThatThrownBy(() -> ComposeLoader.load(List.of(file), Map.of(), Set.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageMatching(Pattern.quote(start) + ".+, found " + Pattern.quote(found) + "(: .+)?");
  }
}
