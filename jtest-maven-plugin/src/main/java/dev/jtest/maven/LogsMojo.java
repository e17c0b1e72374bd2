package dev.jtest.maven;

import dev.jtest.core.ConfigurationException;
import dev.jtest.core.compose.ComposeModel;
import dev.jtest.core.engine.Engine;
import dev.jtest.core.engine.EngineEndpoint;
import dev.jtest.core.services.StackState;
import dev.jtest.settings.Keys;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the services' logs: live from the running stack (a stack kept with {@code
 * -Djtest.keepRunning}), or else the logs the last run saved in {@code target/jtest/logs}. Log
 * lines go to standard output as they are, so {@code mvn -q jtest:logs} prints nothing else.
 */
@Mojo(name = "logs", threadSafe = true)
public class LogsMojo extends AbstractJtestMojo {

  /**
   * The service whose log to print; all services when unset (then each line is prefixed with its
   * service's name). An unknown name fails, listing the known ones.
   */
  @Parameter(property = Keys.SERVICE)
  private String service;

  /** Keeps printing new lines until the containers stop or the build is interrupted (Ctrl-C). */
  @Parameter(property = Keys.FOLLOW, defaultValue = "false")
  private boolean follow;

  /** Prints only the last N lines of each log; all when negative. */
  @Parameter(property = Keys.TAIL, defaultValue = "-1")
  private int tail;

  @Override
  protected void run() {
    Optional<StackState> state = StackState.read(workDir());
    Map<String, Path> saved = savedLogs();
    TreeSet<String> known = new TreeSet<>(saved.keySet());
    state.ifPresent(s -> known.addAll(s.services().keySet()));
    if (known.isEmpty()) {
      Optional<ComposeModel> model = composeModel();
      model.ifPresent(m -> known.addAll(m.services().keySet()));
      if (service != null && !known.isEmpty() && !known.contains(service)) {
        throw unknown(known);
      }
      getLog()
          .info(
              "jtest: no running stack and no saved logs in "
                  + workDir().resolve("logs")
                  + ": run 'mvn verify' (or keep a stack with -Djtest.keepRunning) first");
      return;
    }
    if (service != null && !known.contains(service)) {
      throw unknown(known);
    }
    List<String> selected = service == null ? new ArrayList<>(known) : List.of(service);
    boolean prefix = selected.size() > 1;
    PrintStream out = System.out;
    if (state.isPresent()) {
      try (Engine engine = Engine.connect(EngineEndpoint.fromEnvironment())) {
        if (follow) {
          followAll(engine, state.get(), selected, prefix, out);
        } else {
          for (String name : selected) {
            StackState.Container container = state.get().services().get(name);
            if (container != null) {
              engine
                  .logs(container.id(), tail)
                  .forEach(line -> out.println(prefix ? name + " | " + line : line));
            }
          }
        }
      }
      return;
    }
    if (follow) {
      getLog().info("jtest: no running stack to follow: printing the logs the last run saved");
    }
    for (String name : selected) {
      Path file = saved.get(name);
      if (file == null) {
        continue;
      }
      try {
        List<String> lines = Files.readAllLines(file);
        List<String> shown =
            tail < 0 ? lines : lines.subList(Math.max(0, lines.size() - tail), lines.size());
        shown.forEach(line -> out.println(prefix ? name + " | " + line : line));
      } catch (IOException e) {
        getLog().warn("jtest: cannot read " + file + ": " + e.getMessage());
      }
    }
  }

  private void followAll(
      Engine engine, StackState state, List<String> selected, boolean prefix, PrintStream out) {
    CountDownLatch ended = new CountDownLatch(selected.size());
    List<Closeable> followers = new ArrayList<>();
    for (String name : selected) {
      StackState.Container container = state.services().get(name);
      followers.add(
          engine.followLogs(
              container.id(),
              line -> {
                synchronized (out) {
                  out.println(prefix ? name + " | " + line : line);
                }
              },
              ended::countDown));
    }
    try {
      ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (Closeable follower : followers) {
        try {
          follower.close();
        } catch (IOException e) {
          // Done following anyway.
        }
      }
    }
  }

  private Map<String, Path> savedLogs() {
    Map<String, Path> logs = new LinkedHashMap<>();
    Path dir = workDir().resolve("logs");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        files
            .filter(f -> f.toString().endsWith(".log"))
            .sorted()
            .forEach(f -> logs.put(f.getFileName().toString().replaceFirst("\\.log$", ""), f));
      } catch (IOException e) {
        getLog().warn("jtest: cannot list " + dir + ": " + e.getMessage());
      }
    }
    return logs;
  }

  private ConfigurationException unknown(TreeSet<String> known) {
    return new ConfigurationException(
        "unknown service '"
            + service
            + "' for -Djtest.service (known: "
            + String.join(", ", known)
            + ")");
  }
}
