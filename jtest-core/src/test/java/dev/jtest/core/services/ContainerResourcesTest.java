package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.engine.ExecResult;
import dev.jtest.core.testing.ComposeText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource, privilege and namespace keys on the real engine: the container's {@code HostConfig}
 * as {@code docker inspect} shows it, and what the process inside sees.
 */
class ContainerResourcesTest {

  @Test
  void theContainerGetsWhatTheComposeFileAsks(@TempDir Path dir) throws Exception {
    ComposeModel model =
        ComposeText.probe(
            dir,
            """
        services:
          db:
            image: %1$s
            command: ["sh", "-c", "exec sleep 600"]
            stop_grace_period: 1s
            ipc: shareable
          api:
            image: %1$s
            command: ["sh", "-c", "exec sleep 600"]
            stop_grace_period: 1s
            cap_add: [net_admin]
            cap_drop: [CAP_MKNOD]
            read_only: true
            security_opt: ["no-new-privileges:true"]
            sysctls: [net.core.somaxconn=1024]
            ulimits:
              nofile: {soft: 1024, hard: 2048}
            shm_size: 64m
            init: true
            mem_reservation: 128m
            oom_score_adj: 500
            cpu_shares: 512
            devices: ["/dev/null:/dev/jtest-null:rw"]
            group_add: ["1234"]
            cpu_rt_period: 1s
            device_cgroup_rules: ["c 42:* rmw"]
            ipc: "service:db"
            deploy:
              resources:
                limits: {cpus: '0.5', memory: 256m, pids: 100}
        """);
    assertThat(model.warnings()).as("keys jtest would ignore").isEmpty();
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack stack =
          Stack.start(
              engine,
              model,
              new Stack.Options(
                  dir, dir.resolve("target/jtest"), Instant.now(), false, Duration.ofSeconds(60)),
              StackListener.silent());
      try {
        stack.awaitReady();
        String api = stack.services().get("api").containerId();
        JsonNode host = hostConfig(api);

        assertThat(host.get("CapAdd"))
            .extracting(JsonNode::asText)
            .singleElement()
            .matches(c -> c.endsWith("NET_ADMIN"));
        assertThat(host.get("CapDrop"))
            .extracting(JsonNode::asText)
            .singleElement()
            .matches(c -> c.endsWith("MKNOD"));
        assertThat(host.get("ReadonlyRootfs").asBoolean()).isTrue();
        assertThat(host.get("SecurityOpt"))
            .extracting(JsonNode::asText)
            .containsExactly("no-new-privileges:true");
        assertThat(host.at("/Sysctls/net.core.somaxconn").asText()).isEqualTo("1024");
        assertThat(host.at("/Ulimits/0/Name").asText()).isEqualTo("nofile");
        assertThat(host.at("/Ulimits/0/Soft").asLong()).isEqualTo(1024);
        assertThat(host.at("/Ulimits/0/Hard").asLong()).isEqualTo(2048);
        assertThat(host.get("ShmSize").asLong()).isEqualTo(64L * 1024 * 1024);
        assertThat(host.get("Init").asBoolean()).isTrue();
        assertThat(host.get("Memory").asLong()).isEqualTo(256L * 1024 * 1024);
        assertThat(host.get("MemoryReservation").asLong()).isEqualTo(128L * 1024 * 1024);
        assertThat(host.get("OomScoreAdj").asInt()).isEqualTo(500);
        assertThat(host.get("NanoCpus").asLong()).isEqualTo(500_000_000L);
        assertThat(host.get("CpuShares").asInt()).isEqualTo(512);
        assertThat(host.get("PidsLimit").asLong()).isEqualTo(100);
        assertThat(host.at("/Devices/0/PathOnHost").asText()).isEqualTo("/dev/null");
        assertThat(host.at("/Devices/0/PathInContainer").asText()).isEqualTo("/dev/jtest-null");
        assertThat(host.at("/Devices/0/CgroupPermissions").asText()).isEqualTo("rw");
        assertThat(host.get("GroupAdd")).extracting(JsonNode::asText).containsExactly("1234");
        assertThat(host.get("CpuRealtimePeriod").asLong()).isEqualTo(1_000_000);
        assertThat(host.get("DeviceCgroupRules"))
            .extracting(JsonNode::asText)
            .containsExactly("c 42:* rmw");
        assertThat(host.get("IpcMode").asText())
            .as("the engine keeps the joined container by its id")
            .isEqualTo("container:" + stack.services().get("db").containerId());

        ExecResult inside =
            engine.exec(
                api,
                List.of(
                    "sh",
                    "-c",
                    "ulimit -n; cat /proc/sys/net/core/somaxconn; cat /proc/1/comm;"
                        + " touch /written 2>/dev/null && echo writable || echo read-only"),
                List.of(),
                Duration.ofSeconds(20));
        assertThat(inside.output().lines().toList())
            .containsExactly("1024", "1024", "docker-init", "read-only");
        ExecResult devices =
            engine.exec(
                api,
                List.of("sh", "-c", "cat /sys/fs/cgroup/devices/devices.list || echo cgroup-v2"),
                List.of(),
                Duration.ofSeconds(20));
        assertThat(devices.output())
            .as("the rule in the container's device cgroup (v1; v2 has no list to read)")
            .containsAnyOf("c 42:* rwm", "cgroup-v2");
      } finally {
        stack.stop();
      }
    }
  }

  @Test
  void realTimeRuntimeIsGivenOrTheFailureSaysWhatTheEngineNeeds(@TempDir Path dir)
      throws Exception {
    ComposeModel model =
        ComposeText.probe(
            dir,
            """
        services:
          rt:
            image: %s
            command: ["sh", "-c", "exec sleep 600"]
            stop_grace_period: 1s
            cpu_rt_runtime: 950us
        """);
    try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
      Stack.Options options =
          new Stack.Options(
              dir, dir.resolve("target/jtest"), Instant.now(), false, Duration.ofSeconds(60));
      Stack stack;
      try {
        stack = Stack.start(engine, model, options, StackListener.silent());
        stack.awaitReady();
      } catch (RuntimeException e) {
        // Docker started without --cpu-rt-runtime (the default) has no budget to hand out.
        assertThat(e)
            .hasMessageContaining("service 'rt' could not start")
            .hasMessageContaining("'cpu_rt_runtime'")
            .hasMessageContaining("--cpu-rt-runtime");
        return;
      }
      try {
        assertThat(
                hostConfig(stack.services().get("rt").containerId())
                    .get("CpuRealtimeRuntime")
                    .asLong())
            .isEqualTo(950);
      } finally {
        stack.stop();
      }
    }
  }

  private static JsonNode hostConfig(String container) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("docker", "inspect", "--format", "{{json .HostConfig}}", container)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    return new ObjectMapper().readTree(output);
  }
}
