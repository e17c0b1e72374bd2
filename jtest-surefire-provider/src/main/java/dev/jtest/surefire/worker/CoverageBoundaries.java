package dev.jtest.surefire.worker;

import dev.jtest.settings.CoverageAgents;
import dev.jtest.settings.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.ExecutionDataWriter;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.tools.ExecDumpClient;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * Per-test coverage ({@code jtest.coverage.perTest}): at each test's start and end, dumps and
 * resets the JaCoCo agent of every covered service, and the test JVM's own when it has one, and
 * appends what ran to {@code target/jtest/coverage/per-test/<service>.exec} as one JaCoCo session:
 * named by the test's unique id for what ran during the test, {@link CoverageAgents#BETWEEN_TESTS}
 * for what ran before it. The worker does it, not the coordinator: JUnit calls the worker's
 * listener in the test's own thread, before the test starts and after it ends, while the
 * coordinator hears of both only after the fact, when the next test may already run.
 */
final class CoverageBoundaries {

  private static final CoverageBoundaries NONE = new CoverageBoundaries(Map.of(), null, null);

  private final Map<String, CoverageAgents.Agent> agents;
  private final Path directory;
  private final TestJvmAgent testJvmAgent;
  private final Set<String> unreachable = new HashSet<>();
  private long since = System.currentTimeMillis();

  private CoverageBoundaries(
      Map<String, CoverageAgents.Agent> agents, Path directory, TestJvmAgent testJvmAgent) {
    this.agents = agents;
    this.directory = directory;
    this.testJvmAgent = testJvmAgent;
  }

  /**
   * The boundaries of this run: none unless {@code jtest.coverage.perTest} is on and {@code
   * jtest:start} wrote the agents file (so not in Surefire's unit-test run, whose JaCoCo data the
   * user's own report reads whole).
   *
   * @param property looks a property up
   * @param baseDir the project directory
   */
  static CoverageBoundaries of(Function<String, String> property, Path baseDir) {
    if (!Settings.COVERAGE_PER_TEST.read(property)) {
      return NONE;
    }
    Path workDir = Settings.workDirectory(baseDir, property);
    Path file = CoverageAgents.file(workDir);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try {
      Path directory = CoverageAgents.perTestDirectory(workDir);
      Files.createDirectories(directory);
      return new CoverageBoundaries(CoverageAgents.read(file), directory, testJvmAgent());
    } catch (IOException e) {
      System.err.println("jtest: per-test coverage is off for this run: " + e.getMessage());
      return NONE;
    }
  }

  /** JaCoCo's agent in this JVM ({@code org.jacoco.agent.rt.RT.getAgent()}), or null. */
  private static TestJvmAgent testJvmAgent() {
    try {
      Class<?> rt =
          Class.forName("org.jacoco.agent.rt.RT", true, ClassLoader.getSystemClassLoader());
      Object agent = rt.getMethod("getAgent").invoke(null);
      Method data =
          Class.forName("org.jacoco.agent.rt.IAgent", false, agent.getClass().getClassLoader())
              .getMethod("getExecutionData", boolean.class);
      return new TestJvmAgent(agent, data);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // No agent in the test JVM (the usual case) or one not started: the services only.
      return null;
    }
  }

  /** The test JVM's agent and its {@code getExecutionData(boolean reset)}, looked up once. */
  private record TestJvmAgent(Object agent, Method executionData) {}

  /** Before {@code testId} starts: what ran since the last boundary ran outside any test. */
  void testStarted(String testId) {
    dumpAll(CoverageAgents.BETWEEN_TESTS);
  }

  /** After {@code testId} ended: what ran since it started is its own. */
  void testFinished(String testId) {
    dumpAll(testId);
  }

  private void dumpAll(String session) {
    if (directory == null) {
      return;
    }
    long start = since;
    long now = System.currentTimeMillis();
    since = now;
    SessionInfo info = new SessionInfo(session, start, now);
    agents.forEach(
        (service, agent) -> {
          if (unreachable.contains(service)) {
            return;
          }
          try {
            ExecDumpClient client = new ExecDumpClient();
            client.setDump(true);
            client.setReset(true);
            client.setRetryCount(0);
            append(service, info, client.dump(agent.host(), agent.port()).getExecutionDataStore());
          } catch (IOException e) {
            // A service that died: the harvest at jtest:stop names it.
            unreachable.add(service);
            System.err.println(
                "jtest: per-test coverage of service '"
                    + service
                    + "' stops here, its agent does not answer: "
                    + e);
          }
        });
    if (testJvmAgent != null) {
      try {
        byte[] data = (byte[]) testJvmAgent.executionData().invoke(testJvmAgent.agent(), true);
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(new ByteArrayInputStream(data));
        append(CoverageAgents.TEST_JVM, info, loader.getExecutionDataStore());
      } catch (ReflectiveOperationException | IOException | RuntimeException e) {
        System.err.println("jtest: per-test coverage of the test JVM failed: " + e);
      }
    }
  }

  /** Appends one session; a new header per append is what JaCoCo's readers expect of appends. */
  private void append(String name, SessionInfo info, ExecutionDataStore data) throws IOException {
    Path file = directory.resolve(name + ".exec");
    try (OutputStream out =
        new java.io.BufferedOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
      ExecutionDataWriter writer = new ExecutionDataWriter(out);
      writer.visitSessionInfo(info);
      data.accept(writer);
      writer.flush();
    }
  }
}
