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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resource, privilege and namespace keys, each in every shape compose-spec's schema accepts,
 * and each value the engine or compose would refuse as one message naming file, line, service, key
 * and value.
 */
class ResourceParserTest {

  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;

  private ResourceSpec resources(String keys) throws IOException {
    return load(keys).services().get("web").resources();
  }

  private ComposeModel load(String keys) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("compose.yaml"),
            "services:\n  web:\n    image: x\n" + keys.stripIndent().indent(4));
    return ComposeLoader.load(List.of(file), Map.of(), Set.of());
  }

  @Test
  void aServiceWithoutTheseKeysLeavesEverythingToTheEngine() throws IOException {
    assertThat(resources("")).isEqualTo(ResourceSpec.NONE);
  }

  @Test
  void readsTheShortForms() throws IOException {
    ResourceSpec spec =
        resources(
            """
            cap_add: [net_admin, CAP_SYS_TIME]
            cap_drop: [ALL]
            privileged: true
            read_only: "TRUE"
            security_opt: ["no-new-privileges:true", "label=disable"]
            sysctls: [net.core.somaxconn=1024, net.ipv4.tcp_syncookies=0]
            ulimits: {nproc: 65535}
            shm_size: 64m
            init: true
            mem_limit: 1gb
            mem_reservation: 512m
            memswap_limit: -1
            mem_swappiness: 0
            oom_kill_disable: false
            oom_score_adj: -500
            cpus: 1.5
            cpu_shares: 512
            cpu_quota: 50000
            cpu_period: 100000
            cpuset: 0-1,3
            pids_limit: 100
            devices: ["/dev/null", "/dev/zero:/dev/myzero", "/dev/urandom:/dev/r:r"]
            group_add: [mail, 1234]
            ipc: shareable
            pid: host
            uts: host
            userns_mode: host
            cgroup: private
            cgroup_parent: parent
            storage_opt: {size: 1G}
            runtime: runc
            blkio_config: {weight: 300}
            cpu_rt_period: 1400us
            cpu_rt_runtime: 95000
            device_cgroup_rules: ["c 1:3 mr", "a *:* rwm"]
            """);

    assertThat(spec.capAdd()).containsExactly("NET_ADMIN", "SYS_TIME");
    assertThat(spec.capDrop()).containsExactly("ALL");
    assertThat(spec.privileged()).isTrue();
    assertThat(spec.readOnly()).isTrue();
    assertThat(spec.securityOpt()).containsExactly("no-new-privileges:true", "label=disable");
    assertThat(spec.sysctls())
        .containsExactly(
            Map.entry("net.core.somaxconn", "1024"), Map.entry("net.ipv4.tcp_syncookies", "0"));
    assertThat(spec.ulimits())
        .containsExactly(Map.entry("nproc", new ResourceSpec.Ulimit(65535, 65535)));
    assertThat(spec.shmSize()).isEqualTo(64 * MIB);
    assertThat(spec.init()).isTrue();
    assertThat(spec.memLimit()).isEqualTo(1024 * MIB);
    assertThat(spec.memReservation()).isEqualTo(512 * MIB);
    assertThat(spec.memswapLimit()).isEqualTo(-1);
    assertThat(spec.memSwappiness()).isZero();
    assertThat(spec.oomKillDisable()).isFalse();
    assertThat(spec.oomScoreAdj()).isEqualTo(-500);
    assertThat(spec.nanoCpus()).isEqualTo(1_500_000_000L);
    assertThat(spec.cpuShares()).isEqualTo(512);
    assertThat(spec.cpuQuota()).isEqualTo(50_000);
    assertThat(spec.cpuPeriod()).isEqualTo(100_000);
    assertThat(spec.cpuset()).isEqualTo("0-1,3");
    assertThat(spec.pidsLimit()).isEqualTo(100);
    assertThat(spec.devices())
        .containsExactly(
            new ResourceSpec.Device("/dev/null", "/dev/null", "rwm"),
            new ResourceSpec.Device("/dev/zero", "/dev/myzero", "rwm"),
            new ResourceSpec.Device("/dev/urandom", "/dev/r", "r"));
    assertThat(spec.groupAdd()).containsExactly("mail", "1234");
    assertThat(spec.ipc()).isEqualTo("shareable");
    assertThat(spec.pid()).isEqualTo("host");
    assertThat(spec.uts()).isEqualTo("host");
    assertThat(spec.usernsMode()).isEqualTo("host");
    assertThat(spec.cgroup()).isEqualTo("private");
    assertThat(spec.cgroupParent()).isEqualTo("parent");
    assertThat(spec.storageOpt()).containsExactly(Map.entry("size", "1G"));
    assertThat(spec.runtime()).isEqualTo("runc");
    assertThat(spec.blkio().weight()).isEqualTo(300);
    assertThat(spec.cpuRtPeriod()).as("a duration, in microseconds").isEqualTo(1400);
    assertThat(spec.cpuRtRuntime()).as("a number is microseconds").isEqualTo(95_000);
    assertThat(spec.deviceCgroupRules()).containsExactly("c 1:3 mr", "a *:* rwm");
  }

  @Test
  void readsTheLongForms() throws IOException {
    ResourceSpec spec =
        resources(
            """
            sysctls: {net.core.somaxconn: 1024}
            ulimits:
              nofile: {soft: 20000, hard: 40000}
              core: -1
            devices:
              - {source: /dev/null, target: /dev/nothing, permissions: rw}
              - {source: /dev/zero}
              - vendor.com/gpu=all
            blkio_config:
              weight_device: [{path: /dev/sda, weight: 400}]
              device_read_bps: [{path: /dev/sdb, rate: 12mb}]
              device_write_bps: [{path: /dev/sdb, rate: 1024k}]
              device_read_iops: [{path: /dev/sdb, rate: 120}]
              device_write_iops: [{path: /dev/sdb, rate: 30}]
            """);

    assertThat(spec.sysctls()).containsExactly(Map.entry("net.core.somaxconn", "1024"));
    assertThat(spec.ulimits())
        .containsExactly(
            Map.entry("nofile", new ResourceSpec.Ulimit(20000, 40000)),
            Map.entry("core", new ResourceSpec.Ulimit(-1, -1)));
    assertThat(spec.devices())
        .containsExactly(
            new ResourceSpec.Device("/dev/null", "/dev/nothing", "rw"),
            new ResourceSpec.Device("/dev/zero", "/dev/zero", "rwm"),
            new ResourceSpec.Device("vendor.com/gpu=all", "vendor.com/gpu=all", "rwm"));
    assertThat(spec.devices().get(2).cdi()).isTrue();
    assertThat(spec.blkio().weightDevice()).containsExactly(Map.entry("/dev/sda", 400));
    assertThat(spec.blkio().readBps()).containsExactly(Map.entry("/dev/sdb", 12 * MIB));
    assertThat(spec.blkio().writeBps()).containsExactly(Map.entry("/dev/sdb", 1024 * 1024L));
    assertThat(spec.blkio().readIops()).containsExactly(Map.entry("/dev/sdb", 120L));
    assertThat(spec.blkio().writeIops()).containsExactly(Map.entry("/dev/sdb", 30L));
  }

  @Test
  void takesLimitsAndReservationsFromDeployResourcesAsDockerComposeDoes() throws IOException {
    ResourceSpec spec =
        resources(
            """
            deploy:
              resources:
                limits: {cpus: '0.50', memory: 50M, pids: 10}
                reservations: {cpus: '0.25', memory: 20M}
            """);

    assertThat(spec.nanoCpus()).isEqualTo(500_000_000L);
    assertThat(spec.memLimit()).isEqualTo(50 * MIB);
    assertThat(spec.pidsLimit()).isEqualTo(10);
    assertThat(spec.memReservation()).isEqualTo(20 * MIB);
  }

  @Test
  void acceptsTheSameValueUnderBothKeys() throws IOException {
    ResourceSpec spec =
        resources(
            """
            mem_limit: 1g
            cpus: 0.5
            deploy: {resources: {limits: {memory: 1024m, cpus: '0.5'}}}
            """);

    assertThat(spec.memLimit()).isEqualTo(1024 * MIB);
    assertThat(spec.nanoCpus()).isEqualTo(500_000_000L);
  }

  @Test
  void rejectsDistinctValuesUnderBothKeysNamingBoth() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    mem_limit: 1g
                    deploy:
                      resources:
                        limits: {memory: 2g}
                    """))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "compose.yaml:4: service 'web': 'mem_limit' (1g) and"
                + " 'deploy.resources.limits.memory' (2g, line 7) differ: keep one of them, as"
                + " docker compose refuses both");
  }

  @Test
  void zeroLimitsLeaveTheSettingToTheEngineAsInCompose() throws IOException {
    ResourceSpec spec = resources("cpus: 0.000\npids_limit: 0\nmemswap_limit: 0\nmem_limit: 1g\n");

    assertThat(spec.nanoCpus()).isNull();
    assertThat(spec.pidsLimit()).isNull();
    assertThat(spec.memswapLimit()).isNull();
  }

  @Test
  void readsASeccompProfileRelativeToTheComposeFileIntoTheOption() throws IOException {
    Files.writeString(dir.resolve("seccomp.json"), "{\"defaultAction\": \"SCMP_ACT_ALLOW\"}");

    ResourceSpec spec = resources("security_opt: [seccomp=seccomp.json, seccomp:unconfined]\n");

    assertThat(spec.securityOpt())
        .containsExactly("seccomp={\"defaultAction\": \"SCMP_ACT_ALLOW\"}", "seccomp:unconfined");
  }

  @Test
  void joiningAServicesNamespaceStartsThatServiceFirstAndNamesItsContainer() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("compose.yaml"),
            """
            services:
              db: {image: x, ipc: shareable}
              web: {image: x, ipc: "service:db", pid: "service:db"}
            """);

    ServiceSpec web = ComposeLoader.load(List.of(file), Map.of(), Set.of()).services().get("web");

    assertThat(web.dependsOn())
        .containsExactly(Map.entry("db", DependencyCondition.SERVICE_STARTED));
    assertThat(web.resources().sharedServices()).containsExactly("db", "db");
    ResourceSpec joined = web.resources().joining(service -> "jtest-ab12-" + service);
    assertThat(joined.ipc()).isEqualTo("container:jtest-ab12-db");
    assertThat(joined.pid()).isEqualTo("container:jtest-ab12-db");
  }

  @Test
  void rejectsJoiningTheNamespaceOfAnUnknownService() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("compose.yaml"),
            "services:\n  db: {image: x}\n  web: {image: x, ipc: \"service:dbb\"}\n");

    assertThatThrownBy(() -> ComposeLoader.load(List.of(file), Map.of(), Set.of()))
        .hasMessage(
            "compose.yaml:3: service 'web': 'ipc' or 'pid' is 'service:dbb', which is not a"
                + " service of compose.yaml: name one of db, web");
  }

  @Test
  void laterFilesAppendCapabilitiesAndMergeSysctlsWrittenEitherWay() throws IOException {
    Path base =
        Files.writeString(
            dir.resolve("compose.yaml"),
            """
            services:
              web:
                image: x
                cap_add: [NET_ADMIN]
                sysctls: [net.core.somaxconn=1024, net.ipv4.tcp_syncookies=0]
            """);
    Path override =
        Files.writeString(
            dir.resolve("compose.override.yaml"),
            """
            services:
              web:
                cap_add: [SYS_TIME]
                sysctls: {net.core.somaxconn: 2048}
            """);

    ResourceSpec spec =
        ComposeLoader.load(List.of(base, override), Map.of(), Set.of())
            .services()
            .get("web")
            .resources();

    assertThat(spec.capAdd()).containsExactly("NET_ADMIN", "SYS_TIME");
    assertThat(spec.sysctls())
        .containsExactly(
            Map.entry("net.core.somaxconn", "2048"), Map.entry("net.ipv4.tcp_syncookies", "0"));
  }

  @Test
  void theseKeysGetNoWarning() throws IOException {
    ComposeModel model = load("cap_add: [NET_ADMIN]\nshm_size: 1g\ndeploy: {}\nblkio_config: {}\n");

    assertThat(model.warnings()).isEmpty();
  }

  @Test
  void warnsThatReservedDevicesAreNotGivenToTheContainer() throws IOException {
    ComposeModel model =
        load(
            """
            deploy:
              resources:
                reservations:
                  devices: [{capabilities: [gpu]}]
            """);

    assertThat(model.warnings())
        .containsExactly(
            "compose.yaml:7: service 'web': key 'deploy.resources.reservations.devices' is not"
                + " supported by jtest and is ignored (the container gets no reserved devices; map"
                + " a host device with 'devices:')");
  }

  @Test
  void saysInOneInfoLineWhatTheRestOfDeployBecomesBesideResources() throws IOException {
    ComposeModel model =
        load("deploy: {replicas: 2, resources: {limits: {memory: 1g}}, x-note: fine}\n");

    assertThat(model.warnings()).isEmpty();
    assertThat(model.notes()).singleElement().asString().contains("deploy is accepted");
    assertThat(model.services().get("web").resources().memLimit()).isEqualTo(1024 * MIB);
  }

  /** Each row: the key's line (line 4 of the file), then what the message must say after it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          shm_size: 64x | shm_size: '64x' is not a byte value
          mem_limit: 1.2.3g | mem_limit: '1.2.3g' is not a byte value
          mem_reservation: lots | mem_reservation: 'lots' is not a byte value
          memswap_limit: 2g | memswap_limit needs mem_limit (or deploy.resources.limits.memory) too
          mem_swappiness: 101 | 'mem_swappiness' must be a whole number from 0 to 100, found '101'
          oom_score_adj: -1001 | 'oom_score_adj' must be a whole number from -1000 to 1000, found '-1001'
          cpus: two | 'cpus' must be a number of CPUs such as 0.5 or 2, found 'two'
          cpus: -1 | 'cpus' must be a number of CPUs such as 0.5 or 2, found '-1'
          cpu_shares: 1.5 | 'cpu_shares' must be a whole number from 0 to 2147483647, found '1.5'
          cpu_quota: -2 | 'cpu_quota' must be a whole number, at least -1, found '-2'
          cpu_period: x | 'cpu_period' must be a whole number, at least 0, found 'x'
          cpuset: 0- | 'cpuset' must be CPU numbers and ranges such as 0-3 or 0,1, found '0-'
          pids_limit: -2 | 'pids_limit' must be a whole number, at least -1, found '-2'
          cpu_rt_period: 1.5 | 'cpu_rt_period' must be microseconds, or a duration such as 400ms or 1400us, found '1.5'
          cpu_rt_runtime: soon | 'cpu_rt_runtime' must be microseconds, or a duration such as 400ms or 1400us, found 'soon'
          cpu_rt_runtime: -2 | 'cpu_rt_runtime' must be a whole number, at least -1, found '-2'
          device_cgroup_rules: ['c 1:3'] | 'device_cgroup_rules[0]' must be a rule 'TYPE MAJOR:MINOR ACCESS' such as 'c 1:3 mr' (type a, b or c; numbers or *; access some of r, w and m), found 'c 1:3'
          device_cgroup_rules: ['x 1:3 r'] | 'device_cgroup_rules[0]' must be a rule 'TYPE MAJOR:MINOR ACCESS'
          device_cgroup_rules: c 1:3 r | 'device_cgroup_rules' must be a list of rules such as 'c 1:3 mr'
          privileged: yess | 'privileged' must be true or false, found 'yess'
          read_only: 1 | 'read_only' must be true or false, found '1'
          init: 0 | 'init' must be true or false, found '0'
          oom_kill_disable: maybe | 'oom_kill_disable' must be true or false, found 'maybe'
          ipc: everything | 'ipc' must be none, private, shareable, host, service:<name> or container:<name>, found 'everything'
          ipc: 'service:' | 'ipc' must be none, private, shareable, host, service:<name> or container:<name>, found 'service:'
          pid: private | 'pid' must be host, service:<name> or container:<name>, found 'private'
          uts: private | 'uts' must be host, found 'private'
          userns_mode: private | 'userns_mode' must be host, found 'private'
          cgroup: shared | 'cgroup' must be host or private, found 'shared'
          cap_add: [NET_ADMIM] | 'cap_add[0]' must be a capability such as NET_ADMIN, CAP_SYS_TIME or ALL, found 'NET_ADMIM': known capabilities: ALL,
          cap_drop: [''] | 'cap_drop[0]' must be a capability such as NET_ADMIN, CAP_SYS_TIME or ALL, found ''
          security_opt: [apparmor] | 'security_opt[0]' must be an option such as no-new-privileges:true, seccomp=unconfined or label=disable, found 'apparmor'
          security_opt: [systempaths=unconfined] | security_opt 'systempaths=unconfined' is not supported by jtest
          security_opt: [seccomp=missing.json] | security_opt seccomp profile
          sysctls: [net.core.somaxconn] | 'sysctls.net.core.somaxconn' must be a value (net.core.somaxconn=1024), found nothing
          ulimits: {nofiles: 10} | ulimit 'nofiles' is unknown: use one of core, cpu, data,
          ulimits: {nofile: {soft: 20, hard: 10}} | ulimit 'nofile': the soft limit 20 is above the hard limit 10
          ulimits: {nofile: {soft: 20}} | 'ulimits.nofile' must be a mapping with both soft and hard, found a mapping (soft: 20)
          ulimits: {nofile: many} | 'ulimits.nofile' must be a whole number, at least -1, found 'many'
          devices: [dev/null] | 'devices[0]' must be HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]], a CDI name, or a mapping (a host path is absolute), found 'dev/null'
          devices: ['/dev/a:/dev/b:rx'] | 'devices[0]' must be HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]], a CDI name, or a mapping, the permissions some of r, w and m, found '/dev/a:/dev/b:rx'
          devices: ['/a:/b:r:w'] | 'devices[0]' must be HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]], a CDI name, or a mapping, found '/a:/b:r:w'
          devices: [{target: /dev/b}] | 'devices[0]' must be a mapping with 'source', found a mapping (target: /dev/b)
          devices: [{source: /dev/a, permissions: all}] | 'devices[0].permissions' must be some of r, w and m (rwm), found 'all'
          group_add: [''] | 'group_add[0]' must be a group name or number, found ''
          blkio_config: {weight: 5} | 'blkio_config.weight' must be a whole number from 10 to 1000, found '5'
          blkio_config: {weight_device: [{path: /dev/sda}]} | 'blkio_config.weight_device[0]' must be a mapping with 'weight', found a mapping (path: /dev/sda)
          blkio_config: {device_read_bps: [{path: sda, rate: 1m}]} | 'blkio_config.device_read_bps[0].path' must be a device path such as /dev/sda, found 'sda'
          blkio_config: {device_read_iops: [{path: /dev/sda, rate: 1k}]} | 'blkio_config.device_read_iops[0].rate' must be a whole number, at least 0, found '1k'
          deploy: {resources: {limits: {cpus: lots}}} | 'deploy.resources.limits.cpus' must be a number of CPUs such as 0.5 or 2, found 'lots'
          deploy: {resources: {limits: {memory: 1q}}} | deploy.resources.limits.memory: '1q' is not a byte value
          deploy: {resources: {limits: {pids: -5}}} | 'deploy.resources.limits.pids' must be a whole number, at least -1, found '-5'
          """)
  void rejectsAValueComposeOrTheEngineWouldRefuseNamingFileLineServiceKeyAndValue(
      String line, String message) {
    assertThatThrownBy(() -> load(line))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("compose.yaml:4: service 'web': " + message);
  }
}
