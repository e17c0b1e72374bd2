package dev.jtest.surefire.worker;

import dev.jtest.surefire.wire.Message;
import dev.jtest.surefire.wire.ReportEvent;
import dev.jtest.surefire.wire.ReportEvent.Failure;
import dev.jtest.surefire.wire.ReportEvent.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
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

  private static final String INITIALIZATION_ERROR = "initializationError";
  private static final String EXECUTION_ERROR = "executionError";

  private final WorkerChannel channel;
  private final Set<String> items;
  private final Map<String, Long> startTimes = new ConcurrentHashMap<>();
  private final Set<String> classesWithSuccess = ConcurrentHashMap.newKeySet();
  private volatile ReportNames names;
  private volatile TestIdentifier current;

  WorkerListener(WorkerChannel channel, Set<String> items) {
    this.channel = channel;
    this.items = items;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    names = new ReportNames(testPlan);
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    current = id;
    startTimes.put(id.getUniqueId(), System.currentTimeMillis());
    if (items.contains(id.getUniqueId())) {
      channel.send(Message.of(Message.Type.ITEM_STARTED, id.getUniqueId()));
    }
    if (id.isTest()) {
      report(Kind.STARTING, id, null, null, null);
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Long start = startTimes.remove(id.getUniqueId());
    Integer elapsed = start == null ? null : (int) (System.currentTimeMillis() - start);
    Status status = result.getStatus();
    Throwable thrown = result.getThrowable().orElse(null);
    if (id.isTest()) {
      switch (status) {
        case SUCCESSFUL -> {
          report(Kind.SUCCEEDED, id, elapsed, null, null);
          classesWithSuccess.add(names.topClass(id));
        }
        case ABORTED -> report(Kind.ASSUMPTION, id, elapsed, thrown, null);
        case FAILED -> report(failureKind(thrown), id, elapsed, thrown, null);
      }
    } else if (status == Status.FAILED) {
      String classFailure =
          classesWithSuccess.contains(names.topClass(id)) ? EXECUTION_ERROR : INITIALIZATION_ERROR;
      report(failureKind(thrown), id, elapsed, thrown, classFailure);
    }
    if (items.contains(id.getUniqueId())) {
      channel.send(Message.of(Message.Type.ITEM_FINISHED, id.getUniqueId(), status.name()));
    }
    current = null;
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
    String name = names.name(id, null);
    send(
        new ReportEvent(
            Kind.SKIPPED,
            id.getUniqueId(),
            names.topClass(id),
            names.classText(id),
            name,
            names.nameText(id, name),
            null,
            reason,
            null,
            null,
            false,
            false));
  }

  /** Files a line of output under the test that is running, if any. */
  void output(String line, boolean stdout) {
    TestIdentifier running = current;
    ReportNames plan = names;
    send(
        new ReportEvent(
            Kind.OUTPUT,
            running == null ? null : running.getUniqueId(),
            running == null || plan == null ? null : plan.topClass(running),
            null,
            null,
            null,
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
      Kind kind, TestIdentifier id, Integer elapsed, Throwable thrown, String classFailure) {
    String topClass = names.topClass(id);
    String name = names.name(id, classFailure);
    send(
        new ReportEvent(
            kind,
            id.getUniqueId(),
            topClass,
            names.classText(id),
            name,
            classFailure != null ? null : names.nameText(id, name),
            elapsed,
            null,
            thrown == null ? null : failure(thrown, topClass, name),
            null,
            false,
            classFailure != null));
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
