package dev.jtest.surefire.coordinator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Jars for tests: a manifest Class-Path and entries. */
final class TestJars {

  private TestJars() {}

  /** A jar whose entries hold their own names, with {@code classPath} in its manifest if set. */
  static void write(Path jar, String classPath, String... entries) throws IOException {
    Map<String, byte[]> content = new LinkedHashMap<>();
    for (String entry : entries) {
      content.put(entry, entry.getBytes(StandardCharsets.UTF_8));
    }
    write(jar, classPath, content);
  }

  /** A jar of real classes, loadable by a JVM. */
  static void write(Path jar, Class<?>... classes) throws IOException {
    Map<String, byte[]> content = new LinkedHashMap<>();
    for (Class<?> type : classes) {
      String name = type.getName().replace('.', '/') + ".class";
      try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
        content.put(name, in.readAllBytes());
      }
    }
    write(jar, null, content);
  }

  private static void write(Path jar, String classPath, Map<String, byte[]> entries)
      throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
  }
}
