package dev.jtest.surefire.affected;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The source roots of the build's modules and the class directory each compiles to (the class
 * directories {@code jtest:report} reads), as the build extension passes them in {@code
 * jtest.classSources}: {@code main>src>classes} and {@code test>src>classes} entries.
 */
public final class ClassSources {

  /**
   * One source root.
   *
   * @param test whether it holds test code (the module's own test sources)
   */
  public record Root(boolean test, Path sources, Path classes) {}

  private final List<Root> roots;

  public ClassSources(List<Root> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Parses the extension's value; null gives none. */
  public static ClassSources parse(String value) {
    List<Root> roots = new ArrayList<>();
    if (value != null) {
      for (String entry : value.split(File.pathSeparator)) {
        String[] parts = entry.split(">", 3);
        if (parts.length == 3) {
          roots.add(new Root(parts[0].equals("test"), Path.of(parts[1]), Path.of(parts[2])));
        }
      }
    }
    return new ClassSources(roots);
  }

  /** Formats roots as {@link #parse} reads them. */
  public static String format(List<Root> roots) {
    List<String> entries = new ArrayList<>();
    for (Root root : roots) {
      entries.add((root.test() ? "test" : "main") + ">" + root.sources() + ">" + root.classes());
    }
    return String.join(File.pathSeparator, entries);
  }

  public List<Root> roots() {
    return roots;
  }

  /** The root that holds {@code file}, if it is a Java or Kotlin source under one. */
  Optional<Root> rootOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(".java") && !name.endsWith(".kt")) {
      return Optional.empty();
    }
    Path normal = file.toAbsolutePath().normalize();
    return roots.stream()
        .filter(r -> normal.startsWith(r.sources().toAbsolutePath().normalize()))
        .findFirst();
  }

  /**
   * The classes (VM names) compiled from {@code file} under {@code root}: those in its package's
   * class directory whose {@code SourceFile} is the file's name, so nested, local, anonymous and
   * other top-level classes of the file count, and for a file with no class files (new, deleted,
   * not compiled yet) the class its name stands for.
   */
  static Set<String> classesOf(Root root, Path file) throws IOException {
    Path relative =
        root.sources().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    String fileName = relative.getFileName().toString();
    String pkg =
        relative.getParent() == null
            ? ""
            : relative.getParent().toString().replace(File.separatorChar, '/') + "/";
    Set<String> classes = new TreeSet<>();
    String base = fileName.substring(0, fileName.lastIndexOf('.'));
    classes.add(pkg + (fileName.endsWith(".kt") ? base + "Kt" : base));
    if (fileName.endsWith(".kt")) {
      classes.add(pkg + base);
    }
    Path dir = root.classes().resolve(pkg);
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.class")) {
        for (Path classFile : files) {
          if (ClassFiles.sourceFile(Files.readAllBytes(classFile))
              .filter(fileName::equals)
              .isPresent()) {
            String n = classFile.getFileName().toString();
            classes.add(pkg + n.substring(0, n.length() - ".class".length()));
          }
        }
      }
    }
    return classes;
  }

  /** The current class file of {@code vmName} in any class directory. */
  Optional<Path> classFile(String vmName) {
    for (Root root : roots) {
      Path file = root.classes().resolve(vmName + ".class");
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }
}
