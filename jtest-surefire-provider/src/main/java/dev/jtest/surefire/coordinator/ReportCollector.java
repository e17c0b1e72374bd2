package dev.jtest.surefire.coordinator;

import dev.jtest.surefire.plan.TestItem;
import dev.jtest.surefire.wire.ReportEvent;
import dev.jtest.surefire.wire.ReportEvent.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the report events of each top-level class from every worker and phase, and hands them on
 * as one test set when the last of the class's tests is done: one {@code TEST-*.xml} per class,
 * never overwritten, its tests one after another even when they ran side by side. When the
 * services' lines are to join failed tests' output ({@link #attach}), a class with a failed test
 * waits for {@link #flushAll}.
 */
final class ReportCollector {

  private static final class ClassSet {
    final Map<String, List<ReportEvent>> byTest = new LinkedHashMap<>();
    final Map<String, ReportEvent> classFailures = new HashMap<>();
    String classText;
    boolean started;
    int pendingItems;
    boolean failed;
    long firstTime = Long.MAX_VALUE;
    long lastTime = Long.MIN_VALUE;
  }

  private final Map<String, ClassSet> sets = new LinkedHashMap<>();
  private final ReportSink sink;
  private final boolean holdFailed;

  /**
   * @param items every item this collector will see, for how many each class waits for
   * @param holdFailed keep a class with a failed test until {@link #flushAll}, for {@link #attach};
   *     only when there will be something to attach, as a fork that times out meanwhile loses it
   */
  ReportCollector(List<TestItem> items, ReportSink sink, boolean holdFailed) {
    this.sink = sink;
    this.holdFailed = holdFailed;
    for (TestItem item : items) {
      sets.computeIfAbsent(item.topClass(), c -> new ClassSet()).pendingItems++;
    }
  }

  /** Files one event; {@code time} is when it happened, for the test set's elapsed time. */
  void add(ReportEvent event, long time) {
    String topClass = event.topClass() == null ? "jtest" : event.topClass();
    ClassSet set = sets.computeIfAbsent(topClass, c -> new ClassSet());
    String key = event.testId() == null ? "" : event.testId();
    if (event.classLevel()) {
      // A class split over workers runs its @BeforeAll/@AfterAll on each: stock, in one JVM,
      // reports such a failure once, as an executionError when a test of the class had passed. A
      // worker whose share had no passing test named it initializationError.
      String failureKey = key + "|" + event.kind();
      ReportEvent kept = set.classFailures.putIfAbsent(failureKey, event);
      if (kept != null) {
        if (ReportEvent.EXECUTION_ERROR.equals(event.name())
            && !ReportEvent.EXECUTION_ERROR.equals(kept.name())) {
          set.classFailures.put(failureKey, event);
          set.byTest.get(key).replaceAll(e -> e == kept ? event : e);
        }
        return;
      }
    }
    if (event.kind() != Kind.OUTPUT && set.classText == null) {
      set.classText = event.setText();
    }
    set.byTest.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
    set.failed |= failure(event);
    set.firstTime = Math.min(set.firstTime, time - (event.elapsed() == null ? 0 : event.elapsed()));
    set.lastTime = Math.max(set.lastTime, time);
  }

  /**
   * Reports the start of a class's test set now rather than when it is done (its events still come
   * then). Arms Surefire's fork timeout, which counts from the first test set started.
   */
  void startEarly(String topClass, String classText) {
    ClassSet set = sets.computeIfAbsent(topClass, c -> new ClassSet());
    if (!set.started) {
      set.started = true;
      sink.testSetStarting(topClass, classText);
    }
  }

  /** Marks items as done; a class whose items are all done is reported at once. */
  void done(List<TestItem> items) {
    Map<String, Integer> counts = new HashMap<>();
    for (TestItem item : items) {
      counts.merge(item.topClass(), 1, Integer::sum);
    }
    counts.forEach(
        (topClass, n) -> {
          ClassSet set = sets.get(topClass);
          if (set != null) {
            set.pendingItems -= n;
            if (set.pendingItems <= 0 && !(holdFailed && set.failed)) {
              flush(topClass, set);
            }
          }
        });
  }

  /**
   * Adds {@code text} to the output of the test {@code testId}, as a line it printed just before it
   * failed: Surefire writes it into the test's {@code system-out} in its report (or its output file
   * with {@code redirectTestOutputToFile}), and never into a passing test's. For a parameterized
   * test or a test factory, into each of its invocations that failed.
   *
   * @return whether a failure of that test is still held to take it
   */
  boolean attach(String testId, String text) {
    boolean attached = false;
    for (ClassSet set : sets.values()) {
      for (Map.Entry<String, List<ReportEvent>> test : set.byTest.entrySet()) {
        if (test.getKey().equals(testId) || test.getKey().startsWith(testId + "/")) {
          attached |= attach(test.getValue(), text);
        }
      }
    }
    return attached;
  }

  /** Adds {@code text} as output before the last failure among {@code events}, if any. */
  private static boolean attach(List<ReportEvent> events, String text) {
    for (int i = events.size() - 1; i >= 0; i--) {
      ReportEvent end = events.get(i);
      if (failure(end)) {
        events.add(
            i,
            new ReportEvent(
                Kind.OUTPUT,
                end.testId(),
                end.topClass(),
                null,
                null,
                null,
                null,
                null,
                end.runKey(),
                null,
                null,
                null,
                text,
                true,
                false));
        return true;
      }
    }
    return false;
  }

  private static boolean failure(ReportEvent event) {
    return event.kind() == Kind.FAILED || event.kind() == Kind.ERROR;
  }

  /** Reports whatever is left: the classes with a failed test, and tests outside any item. */
  void flushAll() {
    for (Map.Entry<String, ClassSet> e : new ArrayList<>(sets.entrySet())) {
      flush(e.getKey(), e.getValue());
    }
  }

  private void flush(String topClass, ClassSet set) {
    sets.remove(topClass);
    if (set.byTest.isEmpty()) {
      return;
    }
    sink.testSetStarting(topClass, set.classText);
    for (List<ReportEvent> events : set.byTest.values()) {
      for (ReportEvent event : events) {
        sink.event(topClass, event);
      }
    }
    long elapsed = set.lastTime >= set.firstTime ? set.lastTime - set.firstTime : 0;
    sink.testSetCompleted(topClass, set.classText, (int) elapsed);
  }
}
