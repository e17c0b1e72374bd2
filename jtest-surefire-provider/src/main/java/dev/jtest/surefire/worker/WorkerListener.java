package dev.jtest.surefire.worker;

import dev.jtest.surefire.wire.Message;
import dev.jtest.surefire.wire.ReportEvent;
import dev.jtest.surefire.wire.ReportEvent.Failure;
import dev.jtest.surefire.wire.ReportEvent.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.surefire.report.SmartStackTraceParser;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit's execution events in a worker into messages: report events as Surefire's JUnit
 * Platform provider would fire them, and the start and end of each item for the coordinator's
 * bookkeeping.
 */
final class WorkerListener implements TestExecutionListener {

  private final WorkerChannel channel;
  private final Set<String> items;
  private final CoverageBoundaries coverage;
  private final Map<String, Long> startTimes = new ConcurrentHashMap<>();
  private final Set<String> classesWithSuccess = ConcurrentHashMap.newKeySet();
  private final Set<String> classesWithStartedTests = ConcurrentHashMap.newKeySet();
  private volatile ReportNames names;
  private volatile TestIdentifier current;

  WorkerListener(WorkerChannel channel, Set<String> items, CoverageBoundaries coverage) {
    this.channel = channel;
    this.items = items;
    this.coverage = coverage;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    names = new ReportNames(testPlan);
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    if (id.isTest()) {
      coverage.testStarted(id.getUniqueId());
    }
    current = id;
    startTimes.put(id.getUniqueId(), System.currentTimeMillis());
    if (items.contains(id.getUniqueId())) {
      channel.send(Message.of(Message.Type.ITEM_STARTED, id.getUniqueId()));
    }
    if (id.isTest()) {
      report(Kind.STARTING, id, null, null, null);
      for (TestIdentifier node = id;
          node != null;
          node = names.plan().getParent(node).orElse(null)) {
        if (ReportNames.isClass(node)) {
          classesWithStartedTests.add(node.getUniqueId());
        }
      }
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (id.isTest()) {
      coverage.testFinished(id.getUniqueId());
    }
    Long start = startTimes.remove(id.getUniqueId());
    Integer elapsed = start == null ? null : (int) (System.currentTimeMillis() - start);
    Status status = result.getStatus();
    Throwable thrown = result.getThrowable().orElse(null);
    if (id.isTest()) {
      switch (status) {
        case SUCCESSFUL -> {
          report(Kind.SUCCEEDED, id, status, elapsed, null);
          classesWithSuccess.add(names.topClass(id));
        }
        case ABORTED -> report(Kind.ASSUMPTION, id, status, elapsed, thrown);
        case FAILED -> report(failureKind(thrown), id, status, elapsed, thrown);
      }
    } else if (status == Status.FAILED) {
      report(failureKind(thrown), id, status, elapsed, thrown);
    } else if (status == Status.ABORTED
        && ReportNames.isClass(id)
        && !classesWithStartedTests.contains(id.getUniqueId())) {
      abortedClass(id, thrown, elapsed);
    }
    if (ReportNames.isClass(id)) {
      classesWithStartedTests.remove(id.getUniqueId());
    }
    if (items.contains(id.getUniqueId())) {
      channel.send(Message.of(Message.Type.ITEM_FINISHED, id.getUniqueId(), status.name()));
    }
    current = null;
  }

  /**
   * A class aborted (an assumption failed in its {@code @BeforeAll}) before any of its tests
   * started: as the stock provider, each of its tests is reported as skipped by that assumption, or
   * the class itself when it holds no test known before it ran.
   */
  private void abortedClass(TestIdentifier id, Throwable thrown, Integer elapsed) {
    List<TestIdentifier> tests =
        names.plan().getDescendants(id).stream()
            .filter(TestIdentifier::isTest)
            .sorted(Comparator.comparing(TestIdentifier::getUniqueId))
            .toList();
    if (tests.isEmpty()) {
      report(Kind.ASSUMPTION, id, Status.ABORTED, elapsed, thrown);
    }
    for (TestIdentifier test : tests) {
      report(Kind.ASSUMPTION, test, Status.ABORTED, null, thrown);
    }
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (ReportNames.isClass(id)) {
      // As the stock provider: each direct child of a skipped class counts as one skipped test.
      names.plan().getChildren(id).forEach(child -> skipped(child, reason));
    } else {
      skipped(id, reason);
    }
    if (items.contains(id.getUniqueId())) {
      channel.send(Message.of(Message.Type.ITEM_FINISHED, id.getUniqueId(), "SKIPPED"));
    }
  }

  private void skipped(TestIdentifier id, String reason) {
    send(event(Kind.SKIPPED, id, null, null, reason, null));
  }

  /** Files a line of output under the test that is running, if any. */
  void output(String line, boolean stdout) {
    TestIdentifier running = current;
    ReportNames plan = names;
    String topClass = running == null || plan == null ? null : plan.topClass(running);
    String testId = running == null ? null : running.getUniqueId();
    send(
        new ReportEvent(
            Kind.OUTPUT,
            testId,
            topClass,
            null,
            null,
            null,
            null,
            null,
            testId,
            null,
            null,
            null,
            line,
            stdout,
            false));
  }

  private static Kind failureKind(Throwable thrown) {
    return thrown instanceof AssertionError ? Kind.FAILED : Kind.ERROR;
  }

  private void report(
      Kind kind, TestIdentifier id, Status status, Integer elapsed, Throwable thrown) {
    send(event(kind, id, status, elapsed, null, thrown));
  }

  private ReportEvent event(
      Kind kind,
      TestIdentifier id,
      Status status,
      Integer elapsed,
      String reason,
      Throwable thrown) {
    ReportNames.Entry entry =
        names.entry(id, status, classesWithSuccess.contains(names.topClass(id)));
    return new ReportEvent(
        kind,
        id.getUniqueId(),
        entry.source(),
        names.setText(id),
        entry.sourceText(),
        entry.qualified(),
        entry.name(),
        entry.nameText(),
        id.isTest() ? id.getUniqueId() : entry.name(),
        elapsed,
        reason,
        thrown == null ? null : failure(thrown, entry.source(), entry.name()),
        null,
        false,
        !id.isTest() && kind != Kind.SKIPPED);
  }

  private void send(ReportEvent event) {
    channel.send(new Message(Message.Type.REPORT, System.currentTimeMillis(), event.toFields()));
  }

  private static Failure failure(Throwable thrown, String testClass, String testMethod) {
    String message;
    try {
      message = thrown.getLocalizedMessage();
    } catch (RuntimeException e) {
      message = e.getMessage();
    }
    StringWriter full = new StringWriter();
    try (PrintWriter writer = new PrintWriter(full)) {
      thrown.printStackTrace(writer);
    }
    String smart;
    String trimmed;
    try {
      smart = new SmartStackTraceParser(testClass, thrown, testMethod).getString();
      trimmed = SmartStackTraceParser.stackTraceWithFocusOnClassAsString(thrown, testClass);
    } catch (RuntimeException | LinkageError e) {
      // Surefire's trimming is a nicety: the full trace says it all.
      smart = thrown.getClass().getName() + (message == null ? "" : ": " + message);
      trimmed = full.toString();
    }
    return new Failure(message, smart, trimmed, full.toString());
  }
}
