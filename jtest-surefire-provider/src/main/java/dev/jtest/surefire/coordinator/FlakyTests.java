package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tests that failed and then passed when {@code rerunFailingTestsCount} ran them again: green
 * in the build's result, as stock Surefire counts them, but never silently so; jtest names them on
 * the console, colours their failed attempts in the timeline and lists them in {@code flaky.json}.
 */
final class FlakyTests {

  /** The file in jtest's work directory. */
  static final String FILE = "flaky.json";

  private static final Set<String> FAILED = Set.of("FAILED", "CRASHED");

  private FlakyTests() {}

  /**
   * One run of one test.
   *
   * @param id the JUnit unique id
   * @param label the short name the console and the timeline use
   * @param className the class that holds the test, null when not known
   * @param outcome SUCCESSFUL, FAILED, ABORTED, SKIPPED or CRASHED
   * @param failure the first line of its failure's message, null when it did not fail
   */
  record Attempt(String id, String label, String className, String outcome, String failure) {}

  /**
   * A flaky test.
   *
   * @param attempts how many times it ran, the passing run included
   * @param failures the first line of each failed attempt's message, in order
   */
  record Flaky(String id, String label, String className, int attempts, List<String> failures) {}

  /**
   * The tests of {@code attempts} (in the order they ran) whose last run passed after a failure.
   */
  static List<Flaky> find(List<Attempt> attempts) {
    Map<String, List<Attempt>> byTest = new LinkedHashMap<>();
    attempts.forEach(a -> byTest.computeIfAbsent(a.id(), id -> new ArrayList<>()).add(a));
    List<Flaky> flaky = new ArrayList<>();
    for (List<Attempt> runs : byTest.values()) {
      Attempt first = runs.get(0);
      Attempt last = runs.get(runs.size() - 1);
      List<String> failures =
          runs.stream()
              .filter(a -> FAILED.contains(a.outcome()))
              .map(a -> a.failure() == null ? "" : a.failure())
              .toList();
      if (last.outcome().equals("SUCCESSFUL") && !failures.isEmpty()) {
        flaky.add(new Flaky(first.id(), first.label(), first.className(), runs.size(), failures));
      }
    }
    return flaky;
  }

  /** The first line of a failure's message, else of its one-line summary; null for neither. */
  static String firstLine(String message, String summary) {
    for (String text : new String[] {message, summary}) {
      if (text != null && !text.isBlank()) {
        return text.strip().lines().findFirst().orElse("");
      }
    }
    return null;
  }

  /**
   * Writes {@code flaky} to {@value #FILE} in {@code workDirectory}; with none, removes the file a
   * previous run left. Stock Surefire has no such file and reports flakes only when there are some
   * (the summary's "Flakes:" list), so no file means no flaky test, and a script can test for it.
   */
  static void write(Path workDirectory, List<Flaky> flaky) throws IOException {
    Path file = workDirectory.resolve(FILE);
    if (flaky.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < flaky.size(); i++) {
      Flaky test = flaky.get(i);
      json.append(i == 0 ? "\n  " : ",\n  ")
          .append("{\"id\": ")
          .append(Json.quote(test.id()))
          .append(", \"label\": ")
          .append(Json.quote(test.label()))
          .append(", \"class\": ")
          .append(test.className() == null ? "null" : Json.quote(test.className()))
          .append(", \"attempts\": ")
          .append(test.attempts())
          .append(", \"failures\": [");
      for (int f = 0; f < test.failures().size(); f++) {
        json.append(f == 0 ? "" : ", ").append(Json.quote(test.failures().get(f)));
      }
      json.append("]}");
    }
    json.append("\n]\n");
    Files.createDirectories(workDirectory);
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }
}
