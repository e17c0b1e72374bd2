package dev.jtest.core.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.services.StackState;
import dev.jtest.settings.EndpointContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code jtest:diagnose} says about the services: for a running stack, each container's state,
 * health, last health check output, exit code, restarts, ports, readiness timings and the tail of
 * its log; for a stopped one, the timings and saved logs of the last run. Secrets are redacted.
 */
public final class StackDiagnosis {

  static final int LOG_LINES = 15;

  private StackDiagnosis() {}

  /** Lines describing the services recorded in {@code workDir}, or of its last run. */
  public static List<String> describe(Engine engine, Path workDir) {
    List<String> lines = new ArrayList<>();
    Optional<JsonNode> readiness = readiness(workDir);
    Optional<StackState> state = StackState.read(workDir);
    if (state.isPresent()) {
      lines.add(
          "Stack: running, run "
              + state.get().runId()
              + (state.get().keep() ? " (kept with jtest.keepRunning)" : ""));
      Map<String, EndpointContract.ServiceProperties> endpoints =
          EndpointContract.services(state.get().endpoints());
      for (Map.Entry<String, StackState.Container> entry : state.get().services().entrySet()) {
        String service = entry.getKey();
        Optional<ContainerFacts> facts = engine.inspect(entry.getValue().id());
        if (facts.isEmpty()) {
          lines.add("  " + service + ": container " + entry.getValue().name() + " is gone");
          continue;
        }
        // Where the run bound its ports: the engine's host on a remote engine.
        String host =
            Optional.ofNullable(endpoints.get(service))
                .map(EndpointContract.ServiceProperties::host)
                .orElse(EndpointContract.HOST);
        describeRunning(lines, service, host, facts.get(), readiness);
        List<String> log = engine.logs(entry.getValue().id(), LOG_LINES);
        appendLog(lines, log);
      }
      return lines;
    }
    Path logs = workDir.resolve("logs");
    if (!Files.isDirectory(logs)) {
      lines.add("Stack: none running, and no earlier run recorded in " + workDir);
      return lines;
    }
    lines.add("Stack: not running; the last run's timings and logs:");
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        String service = file.getFileName().toString().replaceFirst("\\.log$", "");
        lines.add("  " + service + ":" + timings(readiness, service) + " (log: " + file + ")");
        List<String> all = Files.readAllLines(file);
        appendLog(lines, all.subList(Math.max(0, all.size() - LOG_LINES), all.size()));
      }
    } catch (IOException e) {
      lines.add("  cannot read " + logs + ": " + e.getMessage());
    }
    return lines;
  }

  private static void describeRunning(
      List<String> lines,
      String service,
      String host,
      ContainerFacts facts,
      Optional<JsonNode> readiness) {
    StringBuilder head = new StringBuilder("  " + service + ": " + facts.status());
    if (facts.health() != null) {
      head.append(", ").append(facts.health());
    }
    if (facts.exitCode() != null && !facts.running()) {
      head.append(", exit code ").append(facts.exitCode());
    }
    if (facts.oomKilled()) {
      head.append(", killed for lack of memory");
    }
    head.append(", restarts ").append(facts.restartCount());
    lines.add(head.toString());
    if (!facts.ports().isEmpty()) {
      List<String> ports = new ArrayList<>();
      String address = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
      facts
          .ports()
          .forEach((container, port) -> ports.add(address + ":" + port + "->" + container));
      lines.add("    ports: " + String.join(", ", ports));
    }
    if (!facts.healthLog().isEmpty()) {
      ContainerFacts.HealthProbe last = facts.healthLog().get(facts.healthLog().size() - 1);
      lines.add(
          "    last health check: exit "
              + last.exitCode()
              + (last.output().isBlank() ? "" : ", " + oneLine(last.output())));
    }
    String timings = timings(readiness, service);
    if (!timings.isEmpty()) {
      lines.add("    readiness:" + timings);
    }
    if (!facts.environment().isEmpty()) {
      lines.add(
          "    environment: "
              + String.join(" ", facts.environment().stream().map(Secrets::redactEntry).toList()));
    }
  }

  private static void appendLog(List<String> lines, List<String> log) {
    if (log.isEmpty()) {
      lines.add("    (no output)");
      return;
    }
    lines.add("    last " + log.size() + " log lines:");
    for (String line : log) {
      lines.add("    | " + line);
    }
  }

  private static String timings(Optional<JsonNode> readiness, String service) {
    if (readiness.isEmpty() || !readiness.get().path("services").has(service)) {
      return "";
    }
    JsonNode entry = readiness.get().path("services").path(service);
    StringBuilder out = new StringBuilder();
    for (String key : List.of("created", "started", "ready")) {
      if (entry.hasNonNull(key)) {
        out.append(' ').append(key).append(' ').append(entry.get(key).asLong()).append(" ms");
      }
    }
    JsonNode conditions = entry.path("conditions");
    if (conditions.size() > 0) {
      List<String> held = new ArrayList<>();
      conditions
          .fields()
          .forEachRemaining(f -> held.add(f.getKey() + " " + f.getValue().asLong() + " ms"));
      out.append(" (").append(String.join(", ", held)).append(')');
    }
    return out.toString();
  }

  private static Optional<JsonNode> readiness(Path workDir) {
    Path file = workDir.resolve("readiness.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String oneLine(String text) {
    String flat = text.strip().replaceAll("\\s*\\n\\s*", " | ");
    return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
  }
}
