package infork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records where and when a test ran, for verify.groovy: worker index, start, end, process id, the
 * thread, and the class at the bottom of its stack (the JVM's entry point).
 */
public final class Where {
  private Where() {}

  public static void ran(String name, long sleepMillis) {
    long start = System.currentTimeMillis();
    try {
      Thread.sleep(sleepMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long end = System.currentTimeMillis();
    StackTraceElement[] stack = Thread.currentThread().getStackTrace();
    String entry = stack[stack.length - 1].getClassName();
    Path dir = Path.of("target", "where");
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(name),
          String.join(
              " ",
              System.getProperty("jtest.worker"),
              Long.toString(start),
              Long.toString(end),
              Long.toString(ProcessHandle.current().pid()),
              Thread.currentThread().getName(),
              entry));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
