package dev.jtest.surefire.coordinator;

import java.io.IOException;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The main class of the JVM that writes a worker class-data archive: it loads every class of the
 * jars it is given, and the JVM, started with {@code -XX:ArchiveClassesAtExit}, archives them as it
 * exits. Loading them all rather than recording what a worker loads keeps the dump independent of
 * the tests, so that no class of the project's own directories is loaded: Java 17 refuses to dump
 * one ("Cannot have non-empty directory in paths").
 */
public final class ClassDataDump {

  private ClassDataDump() {}

  /**
   * Loads (without initializing) every class of the jars named in {@code args}; a class that does
   * not load, for a missing optional dependency say, is left out, as the JVM leaves it out of the
   * archive.
   */
  public static void main(String[] args) throws IOException {
    ClassLoader loader = ClassDataDump.class.getClassLoader();
    int loaded = 0;
    for (String jar : args) {
      try (JarFile file = new JarFile(jar)) {
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (isClass(name)) {
            try {
              Class.forName(
                  name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                  false,
                  loader);
              loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
              // Not loadable here: not archived either, and a worker that needs it fails alike.
            }
          }
        }
      }
    }
    System.out.println("jtest: loaded " + loaded + " classes to archive");
  }

  static boolean isClass(String entry) {
    return entry.endsWith(".class")
        && !entry.startsWith("META-INF/")
        && !entry.endsWith("module-info.class")
        && !entry.endsWith("package-info.class");
  }
}
