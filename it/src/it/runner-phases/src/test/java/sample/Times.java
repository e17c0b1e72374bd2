package sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Records when a test ran and on which worker, for verify.groovy. */
public final class Times {
  private Times() {}

  public static void run(String name, long sleepMillis) {
    long start = System.currentTimeMillis();
    try {
      Thread.sleep(sleepMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long end = System.currentTimeMillis();
    Path dir = Path.of("target", "times");
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(name),
          System.getProperty("jtest.worker") + " " + start + " " + end + " " + ProcessHandle.current().pid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
