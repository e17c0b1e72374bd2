package dev.jtest.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;

/**
 * Writes JaCoCo's execution data to a file when the JVM shuts down, but only after every other
 * application shutdown hook has finished.
 *
 * <p>The JVM runs all shutdown hooks concurrently, so JaCoCo's own exit dump races the
 * application's hooks and misses what they run (seen: an application hook fully captured in 3 of 12
 * graceful stops). This hook waits for the others first. It finds them through the JDK's registry
 * of hooks, {@code java.lang.ApplicationShutdownHooks.hooks}, which an agent may open with {@link
 * Instrumentation#redefineModule}; the JDK empties the field when shutdown begins, so the map
 * object is taken at start-up.
 *
 * <p>Arguments: {@code file=<path>,wait=<ms>}: where to write, and how long to wait for the other
 * hooks at most (less than the container's stop grace period, or SIGKILL comes first).
 */
public final class ShutdownDump {

  private ShutdownDump() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    Path file = Path.of(option(arguments, "file", "/jtest-coverage/data/jacoco.exec"));
    long waitMillis = Long.parseLong(option(arguments, "wait", "8000"));
    Map<?, ?> hooks = applicationHooks(instrumentation);
    Thread dump = new Thread(() -> run(hooks, file, waitMillis), "jtest-coverage-dump");
    Runtime.getRuntime().addShutdownHook(dump);
  }

  private static void run(Map<?, ?> hooks, Path file, long waitMillis) {
    long deadline = System.currentTimeMillis() + waitMillis;
    if (hooks != null) {
      awaitOtherHooks(hooks, deadline);
    }
    try {
      Class<?> rt =
          Class.forName("org.jacoco.agent.rt.RT", true, ClassLoader.getSystemClassLoader());
      Object agent = rt.getMethod("getAgent").invoke(null);
      byte[] data =
          (byte[])
              agent.getClass().getMethod("getExecutionData", boolean.class).invoke(agent, false);
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      try (OutputStream out = Files.newOutputStream(partial)) {
        out.write(data);
      }
      // Atomic: jtest must never copy out a half-written file.
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (ReflectiveOperationException | IOException | RuntimeException e) {
      System.err.println("jtest coverage: final dump failed: " + e);
    }
  }

  /**
   * Waits until every other application hook has finished, or {@code deadline} has passed. The JVM
   * starts the hooks one after another, in the order of its registry, and may start this one first:
   * {@link Thread#join} returns at once for a thread not started yet, so each hook is first awaited
   * until it has been started. Once shutdown has begun the registry no longer changes (adding or
   * removing a hook throws), so a hook removed earlier is not in it, and every hook in it is going
   * to be started.
   */
  private static void awaitOtherHooks(Map<?, ?> hooks, long deadline) {
    try {
      for (Object hook : hooks.keySet().toArray()) {
        if (!(hook instanceof Thread) || hook == Thread.currentThread()) {
          continue;
        }
        Thread other = (Thread) hook;
        while (other.getState() == Thread.State.NEW) {
          if (System.currentTimeMillis() >= deadline) {
            return;
          }
          Thread.sleep(1);
        }
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return;
        }
        other.join(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The JDK's map of application shutdown hooks, or null when it cannot be read. */
  private static Map<?, ?> applicationHooks(Instrumentation instrumentation) {
    try {
      Class<?> registry = Class.forName("java.lang.ApplicationShutdownHooks");
      instrumentation.redefineModule(
          Object.class.getModule(),
          Set.of(),
          Map.of(),
          Map.of("java.lang", Set.of(ShutdownDump.class.getModule())),
          Set.of(),
          Map.of());
      Field field = registry.getDeclaredField("hooks");
      field.setAccessible(true);
      return (Map<?, ?>) field.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println(
          "jtest coverage: cannot see the other shutdown hooks ("
              + e
              + "); dumping without waiting for them");
      return null;
    }
  }

  static String option(String arguments, String name, String fallback) {
    if (arguments != null) {
      for (String part : arguments.split(",")) {
        int equals = part.indexOf('=');
        if (equals > 0 && part.substring(0, equals).trim().equals(name)) {
          return part.substring(equals + 1).trim();
        }
      }
    }
    return fallback;
  }
}
