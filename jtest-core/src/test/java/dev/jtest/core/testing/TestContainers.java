package dev.jtest.core.testing;

import dev.jtest.core.compose.HealthSpec;
import dev.jtest.core.compose.IdentitySpec;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ResourceSpec;
import dev.jtest.core.engine.ContainerRequest;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.engine.ImageBuild;
import dev.jtest.core.services.RunIdentity;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Real containers for jtest's own tests, labelled like a jtest run so that a leak shows up in the
 * engine (the before-stop hook and {@code docker ps --filter label=dev.jtest.run} find it).
 */
public final class TestContainers implements AutoCloseable {

  public static final String PROBE_IMAGE = "jtest-selftest/probe:1";

  private final Engine engine = Engine.connect(EngineEndpoint.fromEnvironment());
  private final RunIdentity identity = RunIdentity.create(Path.of("target", "selftest"));
  private final List<String> containers = new ArrayList<>();
  private final List<Closeable> followers = new ArrayList<>();

  public Engine engine() {
    return engine;
  }

  public RunIdentity identity() {
    return identity;
  }

  /** Builds the probe image (an engine cache hit after the first time). */
  public String probeImage() {
    return engine.buildImage(
        new ImageBuild(
            Path.of("src/test/docker/probe").toAbsolutePath(),
            "Dockerfile",
            Map.of(),
            null,
            PROBE_IMAGE,
            Map.of("dev.jtest.selftest", "true")),
        line -> {});
  }

  /** Creates and starts a probe container running {@code sh -c script}. */
  public String run(String script, List<PortSpec> ports, HealthSpec health, List<String> log) {
    return run(script, ports, health, log, "bridge", "probe");
  }

  /**
   * Creates and starts a probe container running {@code sh -c script} in the network namespace of
   * container {@code id} ({@code network_mode: service:…}).
   */
  public String joining(String id, String script) {
    // No host name of its own: the engine takes the joined container's.
    return run(script, List.of(), null, logBuffer(), "container:" + id, null);
  }

  private String run(
      String script,
      List<PortSpec> ports,
      HealthSpec health,
      List<String> log,
      String network,
      String hostName) {
    String image = probeImage();
    String name = identity.resourceName("probe-" + containers.size());
    String id =
        engine.createContainer(
            new ContainerRequest(
                name,
                image,
                hostName,
                List.of("sh", "-c", script),
                null,
                List.of(),
                identity.labels("probe", false),
                null,
                null,
                List.of(),
                ports,
                List.of(),
                network,
                List.of(),
                health,
                null,
                Duration.ofSeconds(1),
                IdentitySpec.NONE,
                ResourceSpec.NONE));
    containers.add(id);
    engine.startContainer(id, name);
    followers.add(engine.followLogs(id, line -> log.add(line.text()), () -> {}));
    return id;
  }

  /** A list that the log follower may append to from its own thread. */
  public static List<String> logBuffer() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  /** A healthcheck every 200 ms that passes once {@code file} exists, and fails 50 times first. */
  public static HealthSpec healthyOnceExists(String file) {
    return new HealthSpec(
        List.of("CMD-SHELL", "test -f " + file),
        Duration.ofMillis(200),
        Duration.ofSeconds(5),
        null,
        50);
  }

  public static PortSpec randomPort(int containerPort) {
    return new PortSpec("127.0.0.1", null, containerPort, "tcp", null);
  }

  @Override
  public void close() {
    for (Closeable follower : followers) {
      try {
        follower.close();
      } catch (Exception e) {
        // Best effort: the container goes next anyway.
      }
    }
    // Newest first: Podman removes no container that a later one joins.
    for (int i = containers.size() - 1; i >= 0; i--) {
      engine.removeContainer(containers.get(i));
    }
    engine.close();
  }
}
