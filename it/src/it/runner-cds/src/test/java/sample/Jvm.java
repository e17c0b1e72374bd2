package sample;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what this worker JVM was started with, once per JVM, for verify.groovy. */
final class Jvm {

  private Jvm() {}

  static synchronized void record() throws IOException {
    Path file =
        Path.of(
            "target",
            "jvm-" + System.getProperty("sample.run") + "-" + ProcessHandle.current().pid() + ".txt");
    if (!Files.exists(file)) {
      Files.writeString(
          file,
          String.join("\n", ManagementFactory.getRuntimeMXBean().getInputArguments())
              + "\nclasspath="
              + System.getProperty("java.class.path")
              + "\n");
    }
  }
}
