package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the compose files of a project, as {@code docker compose} does. */
public final class ComposeFiles {

  /** Looked for in this order in the project directory when none are configured. */
  public static final List<String> DEFAULT_NAMES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

  /**
   * Merged over the default file when one is beside it, first found wins, as {@code docker compose}
   * does without {@code -f}.
   */
  public static final List<String> OVERRIDE_NAMES =
      List.of(
          "compose.override.yml",
          "compose.override.yaml",
          "docker-compose.override.yml",
          "docker-compose.override.yaml");

  private ComposeFiles() {}

  /**
   * The compose files to use, in merge order.
   *
   * @param baseDir the project directory; configured relative paths resolve against it
   * @param configured the files the user named, in order; empty for the default look-up
   * @param origin where {@code configured} came from, for messages (e.g. {@code -Djtest.compose})
   * @return the configured files, or the first default file found and the first override file
   *     beside it, or an empty list when the project has none
   * @throws ConfigurationException when a configured file does not exist
   */
  public static List<Path> locate(Path baseDir, List<String> configured, String origin) {
    List<Path> files = new ArrayList<>();
    for (String name : configured) {
      if (name == null || name.isBlank()) {
        continue;
      }
      Path file = baseDir.resolve(name.trim()).normalize();
      if (!Files.isRegularFile(file)) {
        throw new ConfigurationException(
            "compose file '"
                + name.trim()
                + "' named by "
                + origin
                + " does not exist (looked at "
                + file
                + "): fix the path, or remove it to use the default "
                + String.join(", ", DEFAULT_NAMES)
                + ".");
      }
      files.add(file);
    }
    if (!files.isEmpty()) {
      return List.copyOf(files);
    }
    Path file = first(baseDir, DEFAULT_NAMES);
    if (file == null) {
      return List.of();
    }
    Path override = first(baseDir, OVERRIDE_NAMES);
    return override == null ? List.of(file) : List.of(file, override);
  }

  private static Path first(Path dir, List<String> names) {
    for (String name : names) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  /** Splits a comma-separated list such as the value of {@code -Djtest.compose}. */
  public static List<String> split(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      if (!part.isBlank()) {
        names.add(part.trim());
      }
    }
    return List.copyOf(names);
  }
}
