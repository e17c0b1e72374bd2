package dev.jtest.maven;

import dev.jtest.core.ConfigurationException;
import dev.jtest.settings.Keys;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files that {@code -Djtest.merge} names for one goal: comma-separated entries, each a file, a
 * directory (every file below it with the goal's name) or a glob such as {@code shards/*}{@code
 * /.jtest/durations.json}, relative to the project directory.
 */
final class MergeInputs {

  private MergeInputs() {}

  /**
   * Resolves {@code spec}.
   *
   * @param fileName the name (a glob) of the goal's files, looked for below a directory, e.g.
   *     {@code timeline-*.json}
   * @param what what the goal merges, for the message, e.g. "durations stores"
   * @return the files, each once, sorted by path
   * @throws ConfigurationException when an entry matches no such file, naming it
   */
  static List<Path> resolve(Path baseDir, String spec, String fileName, String what) {
    PathMatcher named = FileSystems.getDefault().getPathMatcher("glob:" + fileName);
    TreeSet<Path> files = new TreeSet<>();
    for (String entry : spec.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      List<Path> found = new ArrayList<>();
      for (Path match : matches(baseDir, trimmed)) {
        if (Files.isDirectory(match)) {
          found.addAll(below(match, named));
        } else if (Files.isRegularFile(match)) {
          found.add(match);
        }
      }
      if (found.isEmpty()) {
        throw new ConfigurationException(
            "-D"
                + Keys.MERGE
                + ": '"
                + trimmed
                + "' matches no "
                + what
                + " in "
                + baseDir
                + " (a directory is searched for "
                + fileName
                + "): check the path, perhaps the shards' files were not downloaded");
      }
      found.forEach(f -> files.add(f.toAbsolutePath().normalize()));
    }
    return List.copyOf(files);
  }

  /** What one entry names: the path itself, or what its glob matches. */
  private static List<Path> matches(Path baseDir, String entry) {
    String pattern = entry.replace('\\', '/');
    if (pattern.chars().noneMatch(c -> "*?[{".indexOf(c) >= 0)) {
      return List.of(baseDir.resolve(entry));
    }
    // Walk only from the part before the first wildcard, not the whole project.
    String[] parts = pattern.split("/");
    StringBuilder prefix = new StringBuilder(pattern.startsWith("/") ? "/" : "");
    int fixed = pattern.startsWith("/") ? 1 : 0;
    while (fixed < parts.length - 1
        && parts[fixed].chars().noneMatch(c -> "*?[{".indexOf(c) >= 0)) {
      prefix.append(parts[fixed]).append('/');
      fixed++;
    }
    Path root = baseDir.resolve(prefix.toString());
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    // An absolute pattern matches absolute paths; a relative one, paths relative to the project.
    boolean absolute = Path.of(pattern).isAbsolute();
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> glob.matches(absolute ? p : baseDir.relativize(p))).toList();
    } catch (IOException e) {
      throw unreadable(root, e);
    }
  }

  private static List<Path> below(Path dir, PathMatcher named) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> named.matches(p.getFileName()))
          .toList();
    } catch (IOException e) {
      throw unreadable(dir, e);
    }
  }

  private static ConfigurationException unreadable(Path dir, IOException e) {
    return new ConfigurationException(
        "-D" + Keys.MERGE + ": cannot read " + dir + " (" + e.getMessage() + ")", e);
  }
}
