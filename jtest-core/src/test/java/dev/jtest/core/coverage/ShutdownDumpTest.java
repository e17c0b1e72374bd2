package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.IMethodCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shutdown-dump agent, in real JVMs stopped by SIGTERM as the engine stops a container:
 * JaCoCo's agent and jtest's, exactly the jars jtest puts into covered containers, in a JVM running
 * {@link HookedService}.
 */
class ShutdownDumpTest {

  @TempDir static Path agents;

  @BeforeAll
  static void writeAgents() throws IOException {
    Files.write(agents.resolve("jacocoagent.jar"), AgentFiles.jacocoAgent());
    Files.write(agents.resolve("jtest-dump.jar"), AgentFiles.dumpAgent());
  }

  /**
   * The JVM starts its hooks one by one, in no fixed order: the dump must wait for hooks that are
   * not started yet, not only for those already running.
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void everyStopKeepsTheLinesOfAnApplicationHookStartedAfterTheDumpsOwn(@TempDir Path dir)
      throws Exception {
    List<String> lost = new ArrayList<>();
    int stops = 30;
    for (int i = 1; i <= stops; i++) {
      Path exec = dir.resolve("run-" + i + ".exec");
      // The order in which the JVM starts hooks follows their identity hash codes, which differ
      // with the number of hooks: some of these runs start the checked hook after the dump's own.
      Stopped stopped = runAndStop(exec, 8000, String.valueOf(40 + 3 * i));
      ICounter lines = onShutdownLines(exec);
      if (lines == null || lines.getMissedCount() > 0) {
        lost.add(
            "stop "
                + i
                + ": "
                + (lines == null
                    ? "no data"
                    : lines.getCoveredCount() + " of " + lines.getTotalCount() + " lines covered")
                + ", output: "
                + stopped.output());
      }
    }
    assertThat(lost).as("stops whose data lost the hook's lines, of " + stops).isEmpty();
  }

  /** A hook registered and removed again is never started: nothing may wait for it. */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aRemovedHookIsNotAwaited(@TempDir Path dir) throws Exception {
    Path exec = dir.resolve("removed.exec");
    Stopped stopped = runAndStop(exec, 60_000, "10", "removed");

    assertThat(stopped.millis()).as("time from SIGTERM to exit").isLessThan(30_000);
    assertThat(onShutdownLines(exec)).isNotNull();
    assertThat(onShutdownLines(exec).getMissedCount()).isZero();
  }

  /** A hook that never ends: the data is written at the deadline, with what the others ran. */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aHangingHookDelaysTheDumpOnlyUntilTheDeadline(@TempDir Path dir) throws Exception {
    Path exec = dir.resolve("hang.exec");
    Process process = start(exec, 2000, "10", "hang");
    long signalled = System.nanoTime();
    process.destroy();
    try {
      while (!Files.exists(exec) && System.nanoTime() - signalled < 60_000_000_000L) {
        Thread.sleep(20);
      }
      long waited = (System.nanoTime() - signalled) / 1_000_000;

      assertThat(exec).exists();
      assertThat(waited).as("time from SIGTERM to the dump").isBetween(1_900L, 30_000L);
      assertThat(onShutdownLines(exec).getMissedCount()).isZero();
    } finally {
      process.destroyForcibly().waitFor();
    }
  }

  private record Stopped(long millis, String output) {}

  /** Starts the service, waits until it is up, sends SIGTERM and waits for its exit. */
  private static Stopped runAndStop(Path exec, long waitMillis, String... args) throws Exception {
    Process process = start(exec, waitMillis, args);
    long signalled = System.nanoTime();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the service did not exit within 60 s of SIGTERM");
    }
    long millis = (System.nanoTime() - signalled) / 1_000_000;
    return new Stopped(millis, output(exec).strip().replace('\n', '|'));
  }

  /** What the service printed: in a file, since {@link Process#destroy} closes its pipes. */
  private static String output(Path exec) throws IOException {
    Path file = exec.resolveSibling(exec.getFileName() + ".out");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static Process start(Path exec, long waitMillis, String... args) throws Exception {
    Path classes =
        Path.of(HookedService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // As CoverageHooks configures it in a container, less the address and port.
    command.add(
        "-javaagent:"
            + agents.resolve("jacocoagent.jar")
            + "=output=tcpserver,address=127.0.0.1,port=0,dumponexit=false,includes="
            + HookedService.class.getName()
            + "*");
    command.add(
        "-javaagent:" + agents.resolve("jtest-dump.jar") + "=file=" + exec + ",wait=" + waitMillis);
    command.add("-cp");
    command.add(classes.toString());
    command.add(HookedService.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(exec.resolveSibling(exec.getFileName() + ".out").toFile())
            .start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!output(exec).contains("ready\n")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("the service did not get ready: " + output(exec));
      }
      Thread.sleep(10);
    }
    return process;
  }

  /** The line counter of {@link HookedService#onShutdown} in {@code exec}, null without data. */
  private static ICounter onShutdownLines(Path exec) throws IOException {
    if (!Files.exists(exec)) {
      return null;
    }
    ExecFileLoader loader = new ExecFileLoader();
    loader.load(exec.toFile());
    CoverageBuilder builder = new CoverageBuilder();
    Analyzer analyzer = new Analyzer(loader.getExecutionDataStore(), builder);
    try (InputStream in = HookedService.class.getResourceAsStream("HookedService.class")) {
      analyzer.analyzeClass(in, HookedService.class.getName());
    }
    for (IMethodCoverage method : builder.getClasses().iterator().next().getMethods()) {
      if (method.getName().equals("onShutdown")) {
        return method.getLineCounter();
      }
    }
    throw new AssertionError("HookedService has no method onShutdown");
  }
}
