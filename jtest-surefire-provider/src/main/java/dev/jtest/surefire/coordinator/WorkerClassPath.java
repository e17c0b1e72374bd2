package dev.jtest.surefire.coordinator;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * The worker class path as a class-data archive needs it: its entries, the key that names an
 * archive of it, and the order that puts the archived jars first.
 *
 * <p>Java 17 archives classes from jars only, and refuses to archive any class from a jar that
 * comes after a non-empty directory ({@code target/test-classes}) on the class path. So jtest's and
 * the JUnit Platform's jars move to the front; a jar moves only when no jar before it holds a class
 * or resource of the same name, so that what a name resolves to stays the same (the directories,
 * whose content changes without the key changing, are checked on every run).
 */
final class WorkerClassPath {

  /**
   * File name prefixes of the jars archived: what a worker loads before and around each test.
   * JaCoCo's core too: linking the provider's per-test coverage classes loads some of its classes,
   * and Java 17 refuses to archive a class of a jar behind {@code target/test-classes}.
   */
  private static final List<String> ARCHIVED =
      List.of(
          "jtest-",
          "junit-platform-",
          "junit-jupiter-",
          "opentest4j-",
          "apiguardian-api-",
          "org.jacoco.core-");

  private WorkerClassPath() {}

  /**
   * The entries of a JVM class path: those of each jar's manifest {@code Class-Path} in place of a
   * jar that has one (Surefire's booter jar, a new temporary file on every run), as the JVM reads
   * it.
   *
   * @throws IOException when a manifest jar cannot be read
   */
  static List<Path> entries(String classPath, String separator) throws IOException {
    List<Path> entries = new ArrayList<>();
    for (String element : classPath.split(java.util.regex.Pattern.quote(separator))) {
      if (element.isEmpty()) {
        continue;
      }
      Path path = Path.of(element).toAbsolutePath().normalize();
      List<Path> listed = manifestClassPath(path);
      if (listed == null) {
        entries.add(path);
      } else {
        entries.addAll(listed);
      }
    }
    return entries;
  }

  /** A jar's manifest Class-Path, resolved against its directory; null when it has none. */
  private static List<Path> manifestClassPath(Path jar) throws IOException {
    if (!jar.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
      return null;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (listed == null || listed.isBlank()) {
        return null;
      }
      URI base = jar.getParent().toUri();
      List<Path> entries = new ArrayList<>();
      for (String url : listed.trim().split("\\s+")) {
        entries.add(Path.of(base.resolve(url)).normalize());
      }
      return entries;
    }
  }

  /** Whether the archive takes classes from this entry: a jar of jtest or the JUnit Platform. */
  static boolean archived(Path entry) {
    String name = entry.getFileName().toString();
    return name.endsWith(".jar") && ARCHIVED.stream().anyMatch(name::startsWith);
  }

  /**
   * The jars to move to the front: the archived ones that no jar before them shadows, in class path
   * order.
   *
   * @param names the class and resource names of a jar (see {@link #names})
   */
  static List<Path> front(List<Path> entries, NameSource names) throws IOException {
    List<Path> front = new ArrayList<>();
    List<Path> before = new ArrayList<>();
    for (Path entry : entries) {
      if (archived(entry) && Files.isRegularFile(entry) && !shadowed(entry, before, names)) {
        front.add(entry);
      } else {
        before.add(entry);
      }
    }
    return front;
  }

  private static boolean shadowed(Path jar, List<Path> before, NameSource names)
      throws IOException {
    Set<String> own = names.of(jar);
    for (Path other : before) {
      if (Files.isRegularFile(other)) {
        for (String name : names.of(other)) {
          if (own.contains(name)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Reads the names of a jar's entries. */
  interface NameSource {
    Set<String> of(Path jar) throws IOException;
  }

  /**
   * The names a jar resolves on the class path, less {@code META-INF/} (manifests, licences and
   * service files, which every jar has and which class loaders merge rather than shadow).
   */
  static Set<String> names(Path jar) throws IOException {
    Set<String> names = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(file.entries())) {
        String name = entry.getName();
        if (!entry.isDirectory()
            && !name.startsWith("META-INF/")
            && !name.endsWith("module-info.class")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The class path with {@code front} first and every other entry after it, in order. */
  static List<Path> reordered(List<Path> entries, List<Path> front) {
    Set<Path> order = new LinkedHashSet<>(front);
    order.addAll(entries);
    return new ArrayList<>(order);
  }

  /**
   * The first of {@code names} that a directory of the class path holds, shadowing the jar that
   * moved ahead of it; null when none does.
   */
  static String shadowedByDirectory(List<Path> entries, Collection<String> names) {
    Map<String, List<String>> byPackage = new TreeMap<>();
    for (String name : names) {
      int slash = name.lastIndexOf('/');
      byPackage
          .computeIfAbsent(slash < 0 ? "" : name.substring(0, slash), p -> new ArrayList<>())
          .add(name);
    }
    for (Path entry : entries) {
      if (!Files.isDirectory(entry)) {
        continue;
      }
      for (Map.Entry<String, List<String>> pkg : byPackage.entrySet()) {
        // One look per package: a project rarely has a directory in jtest's or JUnit's packages.
        if (pkg.getKey().isEmpty() || Files.isDirectory(entry.resolve(pkg.getKey()))) {
          for (String name : pkg.getValue()) {
            if (Files.exists(entry.resolve(name))) {
              return entry.resolve(name).toString();
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * What an entry contributes to the key: its path and, for a file, its size and modification time,
   * so that a jar rebuilt at the same path makes a new key. (The JVM checks a jar's size and its
   * modification time in whole seconds, which misses a same-size jar rebuilt within the second.)
   */
  static String describe(Path entry) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        return entry + " dir";
      }
      return entry + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return entry + " missing";
    }
  }

  /** A short, file-name-safe digest of {@code parts}, one line each. */
  static String key(List<String> parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The class path entries as a manifest {@code Class-Path}: each relative to {@code jarDir}, where
   * the JVM resolves it, a directory with its trailing slash. Null when an entry cannot be made
   * relative (another drive on Windows).
   */
  static String manifestClassPath(List<Path> entries, Path jarDir) {
    StringBuilder text = new StringBuilder();
    for (Path entry : entries) {
      if (entry.getRoot() == null || !entry.getRoot().equals(jarDir.getRoot())) {
        return null;
      }
      String relative = jarDir.relativize(entry).toString().replace('\\', '/');
      if (Files.isDirectory(entry)) {
        relative += "/";
      }
      // The manifest holds URLs: spaces and the like escaped, slashes kept.
      text.append(text.length() == 0 ? "" : " ").append(encode(relative));
    }
    return text.toString();
  }

  private static String encode(String relativePath) {
    try {
      return new URI(null, null, relativePath, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + relativePath, e);
    }
  }
}
