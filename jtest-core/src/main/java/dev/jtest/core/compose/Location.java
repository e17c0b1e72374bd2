package dev.jtest.core.compose;

import java.nio.file.Path;

/**
 * A place in a compose file, for messages: {@code docker-compose.yml:12}.
 *
 * @param file the compose file
 * @param line 1-based line number
 */
public record Location(Path file, int line) {

  @Override
  public String toString() {
    return file.getFileName() + ":" + line;
  }
}
