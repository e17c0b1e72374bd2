package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Keys;
import dev.jtest.settings.Settings;
import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.worker.WorkerMain;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What a worker JVM inherits from Surefire's fork: its class path, its JVM options less any debug
 * agent, and its system properties and JUnit configuration, handed over in a settings file; and the
 * class-data archive it starts from.
 */
final class WorkerJvm {

  private WorkerJvm() {}

  /**
   * The fork's own system properties and the JUnit parameters, for the workers to load.
   *
   * @throws JtestRunException when the temporary file cannot be written
   */
  static Path writeSettings(Map<String, String> configuration) {
    Properties settings = new Properties();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (!isJdkProperty(key) && !key.equals(Keys.WORKER)) {
        settings.setProperty(WorkerMain.SYSTEM_PREFIX + key, System.getProperty(key));
      }
    }
    configuration.forEach((k, v) -> settings.setProperty(WorkerMain.CONFIG_PREFIX + k, v));
    Path file = null;
    try {
      file = Files.createTempFile("jtest-worker", ".properties");
      try (OutputStream out = Files.newOutputStream(file)) {
        settings.store(out, "jtest worker settings");
      }
      return file;
    } catch (IOException e) {
      throw new JtestRunException(
          "cannot write the worker JVMs' settings to "
              + (file != null ? file : "a file in " + System.getProperty("java.io.tmpdir"))
              + " ("
              + e
              + "): check that the temporary directory (java.io.tmpdir) is writable and not full",
          e);
    }
  }

  private static boolean isJdkProperty(String key) {
    for (String prefix :
        List.of(
            "java.", "jdk.", "sun.", "os.", "user.", "file.", "native.", "stdout.", "stderr.")) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return key.equals("line.separator") || key.equals("path.separator");
  }

  /**
   * The fork's real class path: Surefire sets {@code java.class.path} to the test class path for
   * the tests' sake and keeps the one the JVM started with (its booter jar, which also lists the
   * provider) in {@code surefire.real.class.path}.
   */
  static String classPath() {
    String real = System.getProperty("surefire.real.class.path");
    return real != null ? real : System.getProperty("java.class.path");
  }

  /**
   * The class path and options the workers start with: from a class-data archive of this class path
   * unless {@code jtest.cds=false} or it cannot be used (see {@link ClassDataArchive}).
   *
   * @param debug where the reason for starting without an archive goes
   */
  static ClassDataArchive archive(Path baseDir, Consumer<String> debug) {
    if (!Settings.CDS.read(System::getProperty)) {
      return ClassDataArchive.none(classPath(), options());
    }
    return ClassDataArchive.open(
        Settings.workDirectory(baseDir, System::getProperty),
        Path.of(System.getProperty("java.home")),
        options(),
        classPath(),
        System.getenv(),
        debug);
  }

  /** The fork's JVM options (argLine, agents such as JaCoCo's) less any debug agent. */
  static List<String> options() {
    List<String> options = new ArrayList<>();
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      boolean debugAgent =
          option.startsWith("-agentlib:jdwp")
              || option.startsWith("-Xrunjdwp")
              || option.equals("-Xdebug");
      if (!debugAgent && !option.startsWith("-D" + Keys.WORKER + "=")) {
        options.add(option);
      }
    }
    return options;
  }
}
