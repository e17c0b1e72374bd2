package dev.jtest.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code target/jtest/coverage/agents.json}: where the JaCoCo agent of each covered service listens
 * while the stack runs, written by {@code jtest:start} and removed by {@code jtest:stop}. The
 * worker of a {@code jtest.coverage.perTest} run reads it to dump and reset every agent at each
 * test's start and end, into {@link #perTestDirectory}. One owner of both paths and of the format.
 */
public final class CoverageAgents {

  /**
   * The session of data that ran outside any test ({@code @BeforeAll}, start-up, between tests).
   */
  public static final String BETWEEN_TESTS = "jtest:between";

  /**
   * The per-test data file of the test JVM's own JaCoCo agent, when it has one; {@code @} is not
   * allowed in a compose service name, so no service's file is named so.
   */
  public static final String TEST_JVM = "@tests";

  private CoverageAgents() {}

  /** One agent's address. */
  public record Agent(String host, int port) {}

  /** The agents file in {@code workDir} ({@code target/jtest}). */
  public static Path file(Path workDir) {
    return workDir.resolve("coverage").resolve("agents.json");
  }

  /** Where a per-test run writes {@code <service>.exec}, one JaCoCo session per test. */
  public static Path perTestDirectory(Path workDir) {
    return workDir.resolve("coverage").resolve("per-test");
  }

  /**
   * Writes {@code agents}, by service, replacing the file at once so a reader never sees half.
   *
   * @throws IOException when it cannot be written
   */
  public static void write(Path file, Map<String, Agent> agents) throws IOException {
    StringBuilder out = new StringBuilder("{");
    String separator = "\n";
    for (Map.Entry<String, Agent> agent : new TreeMap<>(agents).entrySet()) {
      out.append(separator)
          .append("  ")
          .append(Json.quote(agent.getKey()))
          .append(": {\"host\": ")
          .append(Json.quote(agent.getValue().host()))
          .append(", \"port\": ")
          .append(agent.getValue().port())
          .append("}");
      separator = ",\n";
    }
    out.append(agents.isEmpty() ? "}\n" : "\n}\n");
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, out, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * The agents in {@code file}, by service.
   *
   * @throws IOException when it cannot be read or is not an agents file
   */
  public static Map<String, Agent> read(Path file) throws IOException {
    try {
      Map<String, Agent> agents = new TreeMap<>();
      Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
      root.forEach(
          (service, value) -> {
            Map<?, ?> agent = (Map<?, ?>) value;
            agents.put(
                (String) service,
                new Agent((String) agent.get("host"), ((Double) agent.get("port")).intValue()));
          });
      return agents;
    } catch (Json.MalformedJsonException | RuntimeException e) {
      throw new IOException(file + " is not a coverage agents file: " + e.getMessage(), e);
    }
  }
}
