package dist;

import java.nio.file.Files;
import java.nio.file.Path;

/** Records which worker JVM ran a test, per run (-Dsample.run), for verify.groovy. */
final class Times {
  private Times() {}

  static void run(String name) throws Exception {
    long start = System.currentTimeMillis();
    Thread.sleep(150);
    Path dir = Path.of("target", "times-" + System.getProperty("sample.run", "default"));
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(name),
        ProcessHandle.current().pid() + " " + System.getProperty("jtest.worker") + " " + start + " "
            + System.currentTimeMillis());
  }
}
