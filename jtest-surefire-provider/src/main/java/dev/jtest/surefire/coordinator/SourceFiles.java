package dev.jtest.surefire.coordinator;

import dev.jtest.surefire.affected.ClassFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the {@code SourceFile} attribute of a class file: which {@code .java} file a class came
 * from, so that {@code jtest.dist=module} keeps every class of one file on one worker.
 */
final class SourceFiles {

  private SourceFiles() {}

  /**
   * The source file of {@code type} as {@code package/File.java}, or the top-level class name when
   * the class file does not say (compiled without debug information, or unreadable).
   */
  static String of(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String packagePath = top.getPackageName().replace('.', '/');
    String resource = top.getName().substring(top.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = top.getResourceAsStream(resource)) {
      if (in != null) {
        Optional<String> file = ClassFiles.sourceFile(in.readAllBytes());
        if (file.isPresent()) {
          return packagePath.isEmpty() ? file.get() : packagePath + "/" + file.get();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Falls back to the class name: the class is then its own module.
    }
    return top.getName();
  }
}
