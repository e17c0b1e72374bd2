package dev.jtest.core.services;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code target/jtest/state.json}: the running stack of this project, so that a later goal or build
 * (jtest:stop, jtest:logs, jtest:cleanup, a build that reuses a kept stack) can find it.
 *
 * @param runId the run's id
 * @param projectId the project's id
 * @param fingerprint the compose model's fingerprint when it started
 * @param keep whether it was started with {@code jtest.keepRunning}
 * @param services the containers by service name
 * @param networks the run's network ids
 * @param volumes the run's volume names
 * @param endpoints the endpoint properties
 */
public record StackState(
    String runId,
    String projectId,
    String fingerprint,
    boolean keep,
    Map<String, Container> services,
    List<String> networks,
    List<String> volumes,
    Map<String, String> endpoints) {

  /**
   * One service's container.
   *
   * @param stopGraceMillis how long a stop waits before SIGKILL (the service's stop_grace_period)
   */
  public record Container(String id, String name, String imageId, long stopGraceMillis) {}

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The state file in {@code workDir}. */
  public static Path file(Path workDir) {
    return workDir.resolve("state.json");
  }

  /** The state in {@code workDir}, if a stack is recorded there and the file can be read. */
  public static Optional<StackState> read(Path workDir) {
    Path file = file(workDir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), StackState.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes the state into {@code workDir}.
   *
   * @throws StackFileException when the file cannot be written
   */
  void write(Path workDir) {
    try {
      Files.createDirectories(workDir);
      JSON.writeValue(file(workDir).toFile(), this);
    } catch (IOException e) {
      throw new StackFileException(file(workDir), e);
    }
  }

  static void delete(Path workDir) {
    try {
      Files.deleteIfExists(file(workDir));
    } catch (IOException e) {
      // A stale file is recognised as such by the next start (its containers are gone).
    }
  }
}
