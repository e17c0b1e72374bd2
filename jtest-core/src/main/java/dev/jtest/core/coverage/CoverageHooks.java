package dev.jtest.core.coverage;

import dev.jtest.core.compose.JtestExtension;
import dev.jtest.core.compose.PortSpec;
import dev.jtest.core.compose.ServiceSpec;
import dev.jtest.core.engine.ContainerFacts;
import dev.jtest.core.engine.ContainerFile;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.ImageConfig;
import dev.jtest.core.services.ServiceHooks;
import dev.jtest.core.services.ServiceRuntime;
import dev.jtest.core.services.StackListener;
import dev.jtest.settings.CoverageAgents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jacoco.core.tools.ExecDumpClient;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * Covers the JVM services of a stack with JaCoCo, without rebuilding their images: puts JaCoCo's
 * agent and jtest's shutdown-dump agent into each container (read-only files), appends both to
 * {@code JAVA_TOOL_OPTIONS} (keeping what the image and compose file put there), and publishes the
 * agent's port where the service's own ports go: 127.0.0.1 on a local engine (the agent has no
 * authentication), the engine's address on a remote one. At stop, dumps over TCP while the service
 * runs, then after the graceful stop copies the final data out through the engine, which includes
 * what the application's shutdown hooks ran.
 */
public final class CoverageHooks implements ServiceHooks {

  static final String DIR = "/jtest-coverage";
  static final int FIRST_AGENT_PORT = 6300;
  static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  /**
   * How often a running service's data is dumped, so that a service that dies mid-run keeps what it
   * ran until shortly before (a dump of a small service takes 10 to 25 ms).
   */
  static final Duration DUMP_INTERVAL = Duration.ofSeconds(2);

  private final Engine engine;
  private final CoverageOptions options;
  private final StackListener listener;
  private final Map<String, Covered> covered = new ConcurrentHashMap<>();
  private final Map<String, ServiceCoverage> results = new ConcurrentHashMap<>();
  private final Map<String, CoverageAgents.Agent> agents = new java.util.TreeMap<>();
  private volatile byte[] jacocoAgent;
  private volatile byte[] dumpAgent;

  public CoverageHooks(Engine engine, CoverageOptions options, StackListener listener) {
    this.engine = engine;
    this.options = options;
    this.listener = listener;
  }

  private final java.util.concurrent.ScheduledExecutorService dumper =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "jtest-coverage-dumps");
            thread.setDaemon(true);
            return thread;
          });

  /** A covered service: its agent's port and its latest dump (dumps are cumulative). */
  private static final class Covered {
    final int agentPort;
    volatile byte[] lastDump;
    volatile java.time.Instant lastDumpAt;
    volatile java.util.concurrent.ScheduledFuture<?> periodic;

    Covered(int agentPort) {
      this.agentPort = agentPort;
    }
  }

  /** Whether {@code service} is covered: {@code x-jtest.coverage} decides, else JVM detection. */
  public static boolean covers(ServiceSpec service, ImageConfig image) {
    Object forced = service.extension().get(JtestExtension.COVERAGE);
    if (forced != null) {
      return Boolean.parseBoolean(String.valueOf(forced));
    }
    return JvmDetector.runsJvm(service, image);
  }

  /**
   * Loads both agent jars once. Services are prepared side by side: without the lock, one prepared
   * between the two assignments got no dump jar (a directory in its place).
   */
  private synchronized void loadAgents() {
    if (dumpAgent == null) {
      jacocoAgent = AgentFiles.jacocoAgent();
      dumpAgent = AgentFiles.dumpAgent();
      clearPerTestData();
    }
  }

  /**
   * Removes a previous run's agents file and per-test data: the harvest merges the per-test data of
   * this run into each service's, so an older run's would count as covered.
   */
  private void clearPerTestData() {
    Path workDir = options.outputDir().getParent();
    try {
      Files.deleteIfExists(CoverageAgents.file(workDir));
      Path perTest = CoverageAgents.perTestDirectory(workDir);
      if (Files.isDirectory(perTest)) {
        try (java.util.stream.Stream<Path> files = Files.walk(perTest)) {
          for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
    } catch (IOException e) {
      throw new CoverageException(
          "coverage: cannot remove the previous run's per-test data in "
              + workDir.resolve("coverage")
              + " ("
              + e.getMessage()
              + "): remove it (mvn clean) and run again",
          e);
    }
  }

  /**
   * Adds {@code service}'s agent to the agents file, so that a per-test run's worker can reach it.
   */
  private synchronized void publishAgent(ServiceRuntime service, int hostPort) {
    agents.put(service.name(), new CoverageAgents.Agent(service.host(), hostPort));
    Path file = CoverageAgents.file(options.outputDir().getParent());
    try {
      CoverageAgents.write(file, agents);
    } catch (IOException e) {
      listener.warn(
          "coverage: cannot write "
              + file
              + " ("
              + e.getMessage()
              + "): a -D"
              + dev.jtest.settings.Keys.COVERAGE_PER_TEST
              + " run cannot reach the agents and records no test's coverage");
    }
  }

  @Override
  public Adjustment prepare(ServiceSpec service, ImageConfig image) {
    if (!covers(service, image)) {
      return Adjustment.NONE;
    }
    loadAgents();
    int port = agentPort(service);
    String existing =
        service.environment().getOrDefault("JAVA_TOOL_OPTIONS", image.env("JAVA_TOOL_OPTIONS"));
    String agents =
        "-javaagent:"
            + DIR
            + "/jacocoagent.jar="
            + jacocoOptions(service, port)
            + " -javaagent:"
            + DIR
            + "/jtest-dump.jar=file="
            + finalFile(service.name())
            + ",wait="
            + dumpWait(service).toMillis();
    String toolOptions =
        existing == null || existing.isBlank() ? agents : existing.strip() + " " + agents;
    covered.put(service.name(), new Covered(port));
    listener.info(service.name() + ": coverage on (JaCoCo agent on container port " + port + ")");
    return new Adjustment(
        Map.of("JAVA_TOOL_OPTIONS", toolOptions),
        List.of(new PortSpec(PortSpec.LOOPBACK, null, port, "tcp", null)),
        List.of(
            new ContainerFile(DIR, null, 0755),
            new ContainerFile(DIR + "/jacocoagent.jar", jacocoAgent, 0444),
            new ContainerFile(DIR + "/jtest-dump.jar", dumpAgent, 0444),
            // Any user may write here: the service may run as a user of its own.
            new ContainerFile(DIR + "/data", null, 01777)));
  }

  @Override
  public void ready(ServiceRuntime service) {
    Covered target = covered.get(service.name());
    if (target != null) {
      Integer hostPort = service.hostPorts().get(target.agentPort);
      if (hostPort != null) {
        publishAgent(service, hostPort);
      }
      long every = DUMP_INTERVAL.toMillis();
      target.periodic =
          dumper.scheduleWithFixedDelay(
              () -> dump(service, target, false),
              0,
              every,
              java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void beforeStop(ServiceRuntime service) {
    Covered target = covered.get(service.name());
    if (target == null) {
      return;
    }
    if (target.periodic != null) {
      target.periodic.cancel(false);
    }
    dump(service, target, true);
  }

  private void dump(ServiceRuntime service, Covered target, boolean retry) {
    Integer hostPort = service.hostPorts().get(target.agentPort);
    if (hostPort == null) {
      return;
    }
    try {
      ExecDumpClient client =
          new ExecDumpClient() {
            @Override
            protected void onConnectionFailure(IOException exception) {
              // Retried quietly; the outcome is said once, after the stop.
            }
          };
      client.setDump(true);
      client.setReset(false);
      client.setRetryCount(retry ? 5 : 0);
      client.setRetryDelay(200);
      ExecFileLoader loader = client.dump(service.host(), hostPort);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      loader.save(bytes);
      target.lastDump = bytes.toByteArray();
      target.lastDumpAt = java.time.Instant.now();
    } catch (IOException e) {
      listener.detail(service.name() + ": coverage dump over TCP failed: " + e);
    }
  }

  @Override
  public void afterStop(ServiceRuntime service, Optional<ContainerFacts> facts) {
    Covered target = covered.get(service.name());
    if (target == null || service.containerId() == null) {
      return;
    }
    Optional<byte[]> last = Optional.empty();
    try {
      last =
          engine
              .readFile(service.containerId(), finalFile(service.name()))
              .filter(b -> b.length > 0);
    } catch (RuntimeException e) {
      listener.detail(
          service.name() + ": cannot copy the final coverage data out: " + e.getMessage());
    }
    String name = service.name();
    byte[] lastDump = target.lastDump;
    if (last.isEmpty() && lastDump == null) {
      String problem =
          "service '"
              + name
              + "' ran with coverage but its JaCoCo agent never answered and left no data: "
              + "the JVM did not load the agent. jtest appends it to JAVA_TOOL_OPTIONS; an entrypoint that sets "
              + "JAVA_TOOL_OPTIONS itself must keep the value it got (e.g. JAVA_TOOL_OPTIONS=\"$JAVA_TOOL_OPTIONS -Xmx1g\"), "
              + "or mark the service x-jtest: {coverage: false}. No report is written for it.";
      listener.warn(problem);
      results.put(name, new ServiceCoverage(name, null, false, problem));
      return;
    }
    ExecFileLoader merged = new ExecFileLoader();
    try {
      if (lastDump != null) {
        merged.load(new ByteArrayInputStream(lastDump));
      }
      if (last.isPresent()) {
        merged.load(new ByteArrayInputStream(last.get()));
      }
      // A per-test run resets the agent at every test boundary: what the tests ran is only there.
      Path perTest =
          CoverageAgents.perTestDirectory(options.outputDir().getParent()).resolve(name + ".exec");
      if (Files.isRegularFile(perTest)) {
        merged.load(perTest.toFile());
      }
      Files.createDirectories(options.outputDir());
      Path file = options.outputDir().resolve(name + ".exec");
      merged.save(file.toFile(), false);
      String problem = null;
      if (last.isEmpty()) {
        String how =
            facts
                .map(
                    f ->
                        f.exitCode() == null
                            ? ""
                            : " (exit code "
                                + f.exitCode()
                                + (f.oomKilled() ? ", out of memory" : "")
                                + ")")
                .orElse("");
        long ago =
            target.lastDumpAt == null
                ? 0
                : Duration.between(target.lastDumpAt, java.time.Instant.now()).toSeconds();
        problem =
            "service '"
                + name
                + "' died or was killed before a graceful stop"
                + how
                + ": its coverage holds what the last dump got ("
                + ago
                + " s before the stop), not what ran after it";
        listener.warn(problem);
      }
      results.put(name, new ServiceCoverage(name, file, last.isPresent(), problem));
    } catch (IOException e) {
      results.put(
          name,
          new ServiceCoverage(
              name,
              null,
              false,
              "cannot write coverage data of '" + name + "': " + e.getMessage()));
    }
  }

  @Override
  public void stopped() {
    dumper.shutdownNow();
    try {
      Files.deleteIfExists(CoverageAgents.file(options.outputDir().getParent()));
    } catch (IOException e) {
      listener.detail("coverage: cannot remove the agents file: " + e);
    }
    Harvest.write(options.outputDir(), results());
  }

  /** What the harvest got, by service, in no particular order. */
  public List<ServiceCoverage> results() {
    return List.copyOf(results.values());
  }

  /** The services chosen for coverage so far. */
  public Set<String> coveredServices() {
    return Set.copyOf(covered.keySet());
  }

  private String jacocoOptions(ServiceSpec service, int port) {
    List<String> includes = patterns(service, JtestExtension.COVERAGE_INCLUDES, options.includes());
    List<String> excludes = patterns(service, JtestExtension.COVERAGE_EXCLUDES, options.excludes());
    Map<String, String> agent = new LinkedHashMap<>();
    // address=* : behind Docker's port proxy a loopback-only agent accepts but never answers.
    agent.put("output", "tcpserver");
    agent.put("address", "*");
    agent.put("port", Integer.toString(port));
    agent.put("sessionid", service.name());
    // jtest's own agent writes the final data once the application's hooks are done.
    agent.put("dumponexit", "false");
    if (!includes.isEmpty()) {
      agent.put("includes", String.join(":", includes));
    }
    if (!excludes.isEmpty()) {
      agent.put("excludes", String.join(":", excludes));
    }
    List<String> parts = new ArrayList<>();
    agent.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(",", parts);
  }

  private static List<String> patterns(ServiceSpec service, String key, List<String> fallback) {
    Object value = service.extension().get(key);
    if (value == null) {
      return fallback;
    }
    List<String> patterns = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> patterns.add(String.valueOf(item)));
    } else {
      for (String part : String.valueOf(value).split("[,:]")) {
        if (!part.isBlank()) {
          patterns.add(part.trim());
        }
      }
    }
    return patterns;
  }

  private static int agentPort(ServiceSpec service) {
    Set<Integer> used = new HashSet<>(service.expose());
    service.ports().forEach(p -> used.add(p.containerPort()));
    int port = FIRST_AGENT_PORT;
    while (used.contains(port)) {
      port++;
    }
    return port;
  }

  /** The final dump must be written before the engine's SIGKILL ends the grace period. */
  private static Duration dumpWait(ServiceSpec service) {
    Duration grace = service.stopGracePeriod() == null ? DEFAULT_GRACE : service.stopGracePeriod();
    Duration wait = grace.minusMillis(1500);
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
  }

  static String finalFile(String service) {
    return DIR + "/data/" + service + ".exec";
  }
}
