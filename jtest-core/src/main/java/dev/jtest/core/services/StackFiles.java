package dev.jtest.core.services;

import dev.jtest.core.compose.ComposeModel;
import dev.jtest.settings.EndpointContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a stack keeps in {@code target/jtest}: {@code run.json}, {@code state.json}, {@code
 * services.properties}, {@code readiness.json} and {@code logs/<service>.log}.
 */
final class StackFiles {

  private final Path workDir;

  StackFiles(Path workDir) {
    this.workDir = workDir;
  }

  /** {@code target/jtest/logs}: one file per service. */
  Path logs() {
    return workDir.resolve("logs");
  }

  /** A new, empty log of {@code service}. */
  ServiceLog newLog(String service) {
    return new ServiceLog(logs().resolve(service + ".log"));
  }

  /**
   * {@code run.json}: which run and project the labels of this build's resources name. Only a help
   * for a human looking at the engine, so a failure to write it is a warning.
   */
  void writeRun(RunIdentity identity, Instant startedAt, StackListener listener) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("runId", identity.runId());
    run.put("projectId", identity.projectId());
    run.put("pid", identity.pid());
    run.put("started", startedAt.toString());
    Path file = workDir.resolve("run.json");
    try {
      Files.createDirectories(workDir);
      StackState.JSON.writeValue(file.toFile(), run);
    } catch (IOException e) {
      listener.warn("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** {@code services.properties}: the endpoints tests read. */
  void writeEndpoints(Map<String, String> endpoints) {
    Endpoints.write(endpoints, EndpointContract.servicesFile(workDir));
  }

  /**
   * {@code readiness.json}, once every service is ready.
   *
   * @param phases when each step before the first container ended, by name
   * @throws StackFileException when it cannot be written
   */
  void writeReadiness(
      Instant origin,
      Collection<ServiceRuntime> services,
      Instant ready,
      Map<String, Instant> phases) {
    ReadinessReport.write(workDir.resolve("readiness.json"), origin, services, ready, phases);
  }

  /**
   * What the last ready stack recorded in {@code readiness.json}; empty when none or unreadable.
   */
  Map<String, CriticalChains.Recorded> lastReadiness() {
    try {
      return CriticalChains.read(
          StackState.JSON.readTree(workDir.resolve("readiness.json").toFile()));
    } catch (IOException e) {
      return Map.of(); // no earlier run, or a damaged file: start in compose file order
    }
  }

  /**
   * {@code state.json}: the stack as it runs now, for later goals and builds.
   *
   * @param keep whether it outlives the build ({@code jtest.keepRunning})
   * @throws StackFileException when it cannot be written
   */
  void writeState(
      RunIdentity identity,
      ComposeModel model,
      boolean keep,
      Collection<ServiceRuntime> services,
      StackResources resources,
      Map<String, String> endpoints) {
    Map<String, StackState.Container> containers = new LinkedHashMap<>();
    for (ServiceRuntime service : services) {
      if (service.containerId() != null) {
        containers.put(
            service.name(),
            new StackState.Container(
                service.containerId(),
                service.containerName(),
                service.imageId(),
                Teardown.stopGrace(service.spec()).toMillis()));
      }
    }
    new StackState(
            identity.runId(),
            identity.projectId(),
            model.fingerprint(),
            keep,
            containers,
            List.copyOf(resources.networks().values()),
            resources.volumes(),
            endpoints)
        .write(workDir);
  }

  /** Whether a stack is recorded, readable or not: a look at the file, not a read. */
  boolean hasState() {
    return Files.isRegularFile(StackState.file(workDir));
  }

  /** The recorded stack, if there is one and its file can be read. */
  Optional<StackState> readState() {
    return StackState.read(workDir);
  }

  /** Forgets the recorded stack. */
  void deleteState() {
    StackState.delete(workDir);
  }
}
