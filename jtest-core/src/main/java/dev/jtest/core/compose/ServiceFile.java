package dev.jtest.core.compose;

import java.nio.file.Path;

/**
 * A secret or a config granted to a service: a file jtest puts into the service's container before
 * it starts, read-only, at {@code target}. Exactly one of {@code file} and {@code content} is set.
 *
 * @param kind whether the top-level {@code secrets:} or {@code configs:} declares it
 * @param name its top-level name
 * @param target the absolute path of the file in the container
 * @param file the host file that holds its content, read when the container is created
 * @param content its content, from an environment variable or {@code content:}
 * @param uid the numeric owner, or {@code null} for root
 * @param gid the numeric group, or {@code null} for root
 * @param mode the file's permission bits, write bits removed, as compose asks
 * @param location where the service grants it
 */
public record ServiceFile(
    Kind kind,
    String name,
    String target,
    Path file,
    String content,
    Integer uid,
    Integer gid,
    int mode,
    Location location) {

  /** Compose's default mode for secrets and configs: readable by anyone. */
  public static final int DEFAULT_MODE = 0444;

  /** The two top-level elements that grant files. */
  public enum Kind {
    SECRET("secrets"),
    CONFIG("configs");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The compose key, both top-level and in a service: {@code secrets} or {@code configs}. */
    public String key() {
      return key;
    }

    /** "secret" or "config", for messages. */
    public String noun() {
      return key.substring(0, key.length() - 1);
    }
  }
}
