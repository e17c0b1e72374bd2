package dev.jtest.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The test map ({@code jtest.testMap}, default {@code .jtest/test-map.json}): which classes each
 * test ran, written by {@code jtest:report} after a {@code jtest.coverage.perTest} run and read by
 * the provider to choose the tests a change affects. One owner of the format, so writer and reader
 * agree.
 *
 * @param created when the map was written
 * @param commit the project's git commit at write time, or null
 * @param classIds the JaCoCo class id (16 hex digits) of every class named in a test, by VM name
 * @param tests by JUnit unique id; a test that ran no covered class has an empty list, a test with
 *     no entry was never mapped
 */
public record TestMapFile(
    Instant created, String commit, Map<String, String> classIds, Map<String, Entry> tests) {

  /** The value of the file's {@code format} field. */
  public static final String FORMAT = "jtest-test-map/1";

  /**
   * One test's classes.
   *
   * @param label a short name for people, e.g. {@code AIT.a}
   * @param classes VM names ({@code dev/demo/auth/TokenService}) of every class with a probe hit
   *     while the test ran, sorted
   */
  public record Entry(String label, List<String> classes) {
    public Entry {
      classes = classes.stream().sorted().distinct().toList();
    }
  }

  public TestMapFile {
    classIds = new TreeMap<>(classIds);
    tests = new TreeMap<>(tests);
  }

  /** A JaCoCo class id as the file writes it: hex, 16 digits, zero-padded. */
  public static String classId(long id) {
    String hex = Long.toHexString(id);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /**
   * Reads {@code file}. A missing file is empty; a corrupt file or one of another format is empty
   * too, after one warning naming it.
   */
  public static Optional<TestMapFile> read(Path file, Consumer<String> warn) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      warn.accept("cannot read the test map " + file + " (" + e + "): every test is selected");
      return Optional.empty();
    }
    try {
      return Optional.of(parse(Json.parse(text)));
    } catch (Json.MalformedJsonException | RuntimeException e) {
      warn.accept(
          "the test map "
              + file
              + " is not a "
              + FORMAT
              + " file ("
              + e.getMessage()
              + "): it is ignored, every test is selected; a -D"
              + Keys.COVERAGE_PER_TEST
              + " run writes it anew");
      return Optional.empty();
    }
  }

  private static TestMapFile parse(Object json) {
    Map<?, ?> root = (Map<?, ?>) json;
    if (!FORMAT.equals(root.get("format"))) {
      throw new IllegalArgumentException("format is " + root.get("format") + ", not " + FORMAT);
    }
    Instant created;
    try {
      created = Instant.parse(String.valueOf(root.get("created")));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("created is not an instant: " + root.get("created"));
    }
    Object commit = root.get("commit");
    Map<String, String> classIds = new TreeMap<>();
    ((Map<?, ?>) root.get("classes"))
        .forEach((name, id) -> classIds.put((String) name, (String) id));
    Map<String, Entry> tests = new TreeMap<>();
    ((Map<?, ?>) root.get("tests"))
        .forEach(
            (id, value) -> {
              Map<?, ?> entry = (Map<?, ?>) value;
              List<String> classes = new ArrayList<>();
              ((List<?>) entry.get("classes")).forEach(c -> classes.add((String) c));
              tests.put((String) id, new Entry((String) entry.get("label"), classes));
            });
    return new TestMapFile(created, (String) commit, classIds, tests);
  }

  /**
   * Writes the map to {@code file}, creating its directory; replaces the file at once, so a reader
   * never sees half of it.
   *
   * @throws IOException when it cannot be written
   */
  public void write(Path file) throws IOException {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"format\": ").append(Json.quote(FORMAT)).append(",\n");
    out.append("  \"created\": ").append(Json.quote(created.toString())).append(",\n");
    out.append("  \"commit\": ").append(commit == null ? "null" : Json.quote(commit)).append(",\n");
    out.append("  \"classes\": {");
    String separator = "\n";
    for (Map.Entry<String, String> id : classIds.entrySet()) {
      out.append(separator).append("    ").append(Json.quote(id.getKey())).append(": ");
      out.append(Json.quote(id.getValue()));
      separator = ",\n";
    }
    out.append(classIds.isEmpty() ? "},\n" : "\n  },\n");
    out.append("  \"tests\": {");
    separator = "\n";
    for (Map.Entry<String, Entry> test : tests.entrySet()) {
      out.append(separator).append("    ").append(Json.quote(test.getKey())).append(": {\n");
      out.append("      \"label\": ").append(Json.quote(test.getValue().label())).append(",\n");
      out.append("      \"classes\": [");
      List<String> classes = test.getValue().classes();
      for (int i = 0; i < classes.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(Json.quote(classes.get(i)));
      }
      out.append("]\n    }");
      separator = ",\n";
    }
    out.append(tests.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    Files.writeString(partial, out, StandardCharsets.UTF_8);
    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
  }
}
