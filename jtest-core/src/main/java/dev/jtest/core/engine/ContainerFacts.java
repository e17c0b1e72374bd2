package dev.jtest.core.engine;

import dev.jtest.core.compose.HealthSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container as the engine sees it now.
 *
 * @param id the container id
 * @param name its name, without the leading '/'
 * @param imageId the id of the image it runs
 * @param status {@code created}, {@code running}, {@code exited}, …
 * @param running whether its process runs
 * @param exitCode the exit code once it has exited
 * @param finishedAt when its process ended, or {@code null} while it has not
 * @param oomKilled whether the kernel killed it for memory
 * @param health {@code starting}, {@code healthy}, {@code unhealthy}, or {@code null} without a
 *     healthcheck
 * @param healthLog the outputs of the last health checks, oldest first
 * @param healthcheck the healthcheck the container runs (its image's, or the request's over it), or
 *     {@code null} without one
 * @param restartCount how often the engine restarted it
 * @param ports host ports by container port ({@code "8080/tcp"} to {@code 49153})
 * @param addresses its IP address on each network
 * @param labels its labels
 * @param environment its {@code KEY=value} environment
 */
public record ContainerFacts(
    String id,
    String name,
    String imageId,
    String status,
    boolean running,
    Integer exitCode,
    Instant finishedAt,
    boolean oomKilled,
    String health,
    List<HealthProbe> healthLog,
    HealthSpec healthcheck,
    int restartCount,
    Map<String, Integer> ports,
    Map<String, String> addresses,
    Map<String, String> labels,
    List<String> environment) {

  /** One run of the engine's health check. */
  public record HealthProbe(Integer exitCode, String output) {}

  /** Whether the container (from the image or the request) has a healthcheck. */
  public boolean hasHealthcheck() {
    return healthcheck != null;
  }

  /** The host port that publishes {@code containerPort} over TCP. */
  public Optional<Integer> hostPort(int containerPort) {
    return Optional.ofNullable(ports.get(containerPort + "/tcp"));
  }

  /** Whether the container has stopped (it was started and its process ended). */
  public boolean exited() {
    return "exited".equals(status) || "dead".equals(status);
  }
}
