package reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file in the module's target directory: true the first time it is asked for, false after. */
final class Marker {
  private Marker() {}

  static boolean first(String name) {
    Path file = Path.of(System.getProperty("basedir", "."), "target", "marker-" + name);
    try {
      Files.createFile(file);
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
