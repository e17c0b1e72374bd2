package dev.jtest.surefire.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A Surefire report event as a worker sees it, named as Surefire's JUnit Platform provider names
 * it, sent to the coordinator which turns it into the real event of its test set.
 *
 * @param kind what happened
 * @param testId the JUnit unique id of the test or container it is about; output carries the id of
 *     the test that was running
 * @param topClass the top-level class: the test set it belongs to
 * @param setText the display name of the test set (the top-level class's {@code @DisplayName}), or
 *     null
 * @param classText the display name of the class that holds the test, or null
 * @param qualified the class that holds the test ({@code Outer$Inner}): the {@code testcase}'s
 *     class name
 * @param name the method name as Surefire reports it ({@code initializationError} for a class that
 *     failed before its tests)
 * @param runKey what the entry's run id is keyed on within its test set, as the stock provider keys
 *     it: the unique id of a test, the name of anything else; entries with one key are one test in
 *     the report's counts (a test and its reruns)
 * @param classLevel a failure of a class container, reported once per class however many workers
 *     ran part of it
 */
public record ReportEvent(
    Kind kind,
    String testId,
    String topClass,
    String setText,
    String classText,
    String qualified,
    String name,
    String nameText,
    String runKey,
    Integer elapsed,
    String reason,
    Failure failure,
    String output,
    boolean stdout,
    boolean classLevel) {

  /** How Surefire names the failure of a class before any of its tests passed. */
  public static final String INITIALIZATION_ERROR = "initializationError";

  /** How Surefire names the failure of a class after one of its tests passed (an @AfterAll). */
  public static final String EXECUTION_ERROR = "executionError";

  /** The kinds of event, as {@code RunListener}'s methods. */
  public enum Kind {
    STARTING,
    SUCCEEDED,
    FAILED,
    ERROR,
    SKIPPED,
    ASSUMPTION,
    OUTPUT
  }

  /**
   * A throwable as Surefire transmits one from a fork: its message and its traces.
   *
   * @param smartTrimmed the one-line summary in the console's results list
   */
  public record Failure(String message, String smartTrimmed, String trimmed, String full) {}

  public List<String> toFields() {
    List<String> f = new ArrayList<>();
    f.add(kind.name());
    f.add(testId);
    f.add(topClass);
    f.add(setText);
    f.add(classText);
    f.add(qualified);
    f.add(name);
    f.add(nameText);
    f.add(runKey);
    f.add(elapsed == null ? null : elapsed.toString());
    f.add(reason);
    f.add(failure == null ? "0" : "1");
    f.add(failure == null ? null : failure.message());
    f.add(failure == null ? null : failure.smartTrimmed());
    f.add(failure == null ? null : failure.trimmed());
    f.add(failure == null ? null : failure.full());
    f.add(output);
    f.add(stdout ? "1" : "0");
    f.add(classLevel ? "1" : "0");
    return f;
  }

  public static ReportEvent fromFields(List<String> f) {
    Failure failure =
        "1".equals(f.get(11)) ? new Failure(f.get(12), f.get(13), f.get(14), f.get(15)) : null;
    return new ReportEvent(
        Kind.valueOf(f.get(0)),
        f.get(1),
        f.get(2),
        f.get(3),
        f.get(4),
        f.get(5),
        f.get(6),
        f.get(7),
        f.get(8),
        f.get(9) == null ? null : Integer.valueOf(f.get(9)),
        f.get(10),
        failure,
        f.get(16),
        "1".equals(f.get(17)),
        "1".equals(f.get(18)));
  }

  /** The end of this (started) test: {@code kind} after {@code elapsed} ms, with its failure. */
  public ReportEvent ended(Kind kind, int elapsed, Failure failure) {
    return new ReportEvent(
        kind, testId, topClass, setText, classText, qualified, name, nameText, runKey, elapsed,
        null, failure, null, false, false);
  }
}
