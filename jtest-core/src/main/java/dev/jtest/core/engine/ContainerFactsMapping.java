package dev.jtest.core.engine;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HealthCheck;
import dev.jtest.core.compose.HealthSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the engine's answer to {@code GET /containers/{id}/json} into {@link ContainerFacts}. Pure:
 * every field the engine may leave out has a stated default.
 */
final class ContainerFactsMapping {

  /** The engine's zero time, which it reports as FinishedAt for a container that has not ended. */
  private static final String ZERO_TIME = "0001-01-01";

  private ContainerFactsMapping() {}

  static ContainerFacts facts(InspectContainerResponse response) {
    var state = response.getState();
    HealthState health = state == null ? null : state.getHealth();
    var config = response.getConfig();
    Long exitCode = state == null ? null : state.getExitCodeLong();
    return new ContainerFacts(
        response.getId(),
        response.getName() == null ? "" : response.getName().replaceFirst("^/", ""),
        response.getImageId(),
        state == null ? "unknown" : state.getStatus(),
        state != null && Boolean.TRUE.equals(state.getRunning()),
        exitCode == null ? null : exitCode.intValue(),
        state == null ? null : finishedAt(state.getFinishedAt()),
        state != null && Boolean.TRUE.equals(state.getOOMKilled()),
        status(health),
        healthLog(health),
        healthcheck(config == null ? null : config.getHealthcheck()),
        response.getRestartCount() == null ? 0 : response.getRestartCount(),
        ports(response),
        addresses(response),
        config == null || config.getLabels() == null ? Map.of() : Map.copyOf(config.getLabels()),
        config == null || config.getEnv() == null ? List.of() : List.of(config.getEnv()));
  }

  /**
   * The health status, {@code null} without a healthcheck: Docker leaves Health out then, Podman
   * sends it with an empty status.
   */
  private static String status(HealthState health) {
    return health == null || health.getStatus() == null || health.getStatus().isBlank()
        ? null
        : health.getStatus();
  }

  private static List<ContainerFacts.HealthProbe> healthLog(HealthState health) {
    List<ContainerFacts.HealthProbe> log = new ArrayList<>();
    if (health != null && health.getLog() != null) {
      for (HealthStateLog entry : health.getLog()) {
        Long exit = entry.getExitCodeLong();
        log.add(
            new ContainerFacts.HealthProbe(
                exit == null ? null : exit.intValue(),
                entry.getOutput() == null ? "" : entry.getOutput().strip()));
      }
    }
    return log;
  }

  /**
   * The healthcheck that runs: one from the image or the request that is not {@code NONE}, with the
   * engine's nanoseconds as durations; a field it leaves out or at 0 keeps Docker's default.
   */
  static HealthSpec healthcheck(HealthCheck check) {
    if (check == null
        || check.getTest() == null
        || check.getTest().isEmpty()
        || "NONE".equals(check.getTest().get(0))) {
      return null;
    }
    return new HealthSpec(
        List.copyOf(check.getTest()),
        nanos(check.getInterval()),
        nanos(check.getTimeout()),
        nanos(check.getStartPeriod()),
        check.getRetries() == null || check.getRetries() <= 0 ? null : check.getRetries(),
        nanos(check.getStartInterval()));
  }

  private static Duration nanos(Long value) {
    return value == null || value <= 0 ? null : Duration.ofNanos(value);
  }

  /**
   * The first host binding of each published port; ports exposed but not published are left out.
   */
  private static Map<String, Integer> ports(InspectContainerResponse response) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    var network = response.getNetworkSettings();
    if (network != null && network.getPorts() != null) {
      for (var entry : network.getPorts().getBindings().entrySet()) {
        if (entry.getValue() != null && entry.getValue().length > 0) {
          ports.put(
              entry.getKey().toString(), Integer.parseInt(entry.getValue()[0].getHostPortSpec()));
        }
      }
    }
    return ports;
  }

  private static Map<String, String> addresses(InspectContainerResponse response) {
    Map<String, String> addresses = new LinkedHashMap<>();
    var network = response.getNetworkSettings();
    if (network != null && network.getNetworks() != null) {
      network.getNetworks().forEach((name, net) -> addresses.put(name, net.getIpAddress()));
    }
    return addresses;
  }

  /** The engine's FinishedAt (RFC 3339), or null for its zero time, which means "not yet". */
  static Instant finishedAt(String text) {
    if (text == null || text.startsWith(ZERO_TIME)) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
