package dev.jtest.core.compose;

import dev.jtest.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code .env} and {@code env_file} files: {@code KEY=value} lines, {@code #} comments. */
final class EnvFiles {

  private EnvFiles() {}

  /**
   * The variables in {@code file}.
   *
   * @param where who named the file, for the message when it is missing
   */
  static Map<String, String> read(Path file, String where) {
    return read(file, where, false);
  }

  /**
   * The variables in {@code file}.
   *
   * @param where who named the file, for the message when it is missing
   * @param rawValues whether values are taken as they are ({@code format: raw}): no quotes removed,
   *     no comment cut off
   */
  static Map<String, String> read(Path file, String where, boolean rawValues) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ConfigurationException(
          where
              + ": env file "
              + file
              + " cannot be read ("
              + e.getMessage()
              + "): create it or remove the reference");
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        variables.put(line, System.getenv(line));
        continue;
      }
      String key = line.substring(0, equals).strip();
      String value = line.substring(equals + 1).strip();
      if (rawValues) {
        variables.put(key, value);
        continue;
      }
      if (value.length() >= 2
          && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1);
      } else {
        int comment = value.indexOf(" #");
        if (comment >= 0) {
          value = value.substring(0, comment).strip();
        }
      }
      variables.put(key, value);
    }
    return variables;
  }
}
