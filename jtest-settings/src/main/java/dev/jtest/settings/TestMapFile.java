package dev.jtest.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The per-test map ({@code jtest.testMap}): which classes each test ran, with the JaCoCo id of each
 * such class as it ran. {@code jtest:report} writes it after a per-test coverage run; {@code
 * -Djtest.affected} reads it to choose the tests a change can break. This class owns the format
 * ({@value #FORMAT}), so that the writer and the reader share one definition.
 *
 * @param created when the map was written
 * @param commit {@code git rev-parse HEAD} in the project directory when it was written, or null
 * @param classIds every class named by a test (VM name, slashes) and its JaCoCo class id, 16 hex
 *     digits
 * @param tests by JUnit unique id, the same keys as the durations store
 */
public record TestMapFile(
    Instant created, String commit, Map<String, String> classIds, Map<String, Entry> tests) {

  /** The value of the file's {@code format} field. */
  public static final String FORMAT = "jtest-test-map/1";

  /**
   * One test's classes. An empty list means the test ran and touched no covered class; a test with
   * no entry was never mapped.
   *
   * @param label how the console names the test, e.g. {@code AIT.a}
   * @param classes VM names of every class with a probe hit while the test ran, sorted
   */
  public record Entry(String label, List<String> classes) {
    public Entry {
      classes = List.copyOf(classes);
    }
  }

  public TestMapFile {
    classIds = Map.copyOf(classIds);
    tests = Map.copyOf(tests);
  }

  /** A JaCoCo class id as the file writes it: 16 hex digits, zero-padded. */
  public static String hex(long classId) {
    return String.format("%016x", classId);
  }

  /**
   * Reads the map. A missing file gives none; a corrupt or foreign one gives none too, and {@code
   * warn} is told once, naming the file.
   */
  public static Optional<TestMapFile> read(Path file, Consumer<String> warn) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      Object root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!(root instanceof Map<?, ?> map) || !FORMAT.equals(map.get("format"))) {
        warn.accept(
            "jtest: " + file + " is not a jtest per-test map (no \"format\": \"" + FORMAT + "\")");
        return Optional.empty();
      }
      Map<String, String> classIds = new TreeMap<>();
      if (map.get("classes") instanceof Map<?, ?> classes) {
        classes.forEach((name, id) -> classIds.put((String) name, (String) id));
      }
      Map<String, Entry> tests = new TreeMap<>();
      if (map.get("tests") instanceof Map<?, ?> entries) {
        for (Map.Entry<?, ?> e : entries.entrySet()) {
          Map<?, ?> value = (Map<?, ?>) e.getValue();
          List<String> names = new ArrayList<>();
          if (value.get("classes") instanceof List<?> list) {
            list.forEach(n -> names.add((String) n));
          }
          tests.put((String) e.getKey(), new Entry((String) value.get("label"), names));
        }
      }
      Instant created =
          map.get("created") instanceof String text ? Instant.parse(text) : Instant.EPOCH;
      String commit = map.get("commit") instanceof String text ? text : null;
      return Optional.of(new TestMapFile(created, commit, classIds, tests));
    } catch (IOException
        | Json.MalformedJsonException
        | ClassCastException
        | DateTimeParseException e) {
      warn.accept("jtest: cannot read the per-test map " + file + " (" + e.getMessage() + ")");
      return Optional.empty();
    }
  }

  /** Writes the map, sorted, creating the file's directory. */
  public void write(Path file) throws IOException {
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"format\": ").append(Json.quote(FORMAT));
    json.append(",\n  \"created\": ").append(Json.quote(created.toString()));
    json.append(",\n  \"commit\": ").append(commit == null ? "null" : Json.quote(commit));
    json.append(",\n  \"classes\": {");
    String separator = "\n    ";
    for (Map.Entry<String, String> e : new TreeMap<>(classIds).entrySet()) {
      json.append(separator).append(Json.quote(e.getKey())).append(": ");
      json.append(Json.quote(e.getValue()));
      separator = ",\n    ";
    }
    json.append(classIds.isEmpty() ? "}" : "\n  }").append(",\n  \"tests\": {");
    separator = "\n    ";
    for (Map.Entry<String, Entry> e : new TreeMap<>(tests).entrySet()) {
      json.append(separator).append(Json.quote(e.getKey())).append(": {\n      \"label\": ");
      json.append(e.getValue().label() == null ? "null" : Json.quote(e.getValue().label()));
      json.append(",\n      \"classes\": [");
      List<String> names = e.getValue().classes().stream().sorted().toList();
      for (int i = 0; i < names.size(); i++) {
        json.append(i == 0 ? "" : ", ").append(Json.quote(names.get(i)));
      }
      json.append("]\n    }");
      separator = ",\n    ";
    }
    json.append(tests.isEmpty() ? "}" : "\n  }").append("\n}\n");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }
}
