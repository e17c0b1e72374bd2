package dev.jtest.surefire.coordinator;

import dev.jtest.surefire.wire.ReportEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.surefire.api.report.RunMode;
import org.apache.maven.surefire.api.report.SafeThrowable;
import org.apache.maven.surefire.api.report.SimpleReportEntry;
import org.apache.maven.surefire.api.report.StackTraceWriter;
import org.apache.maven.surefire.api.report.TestOutputReportEntry;
import org.apache.maven.surefire.api.report.TestReportListener;
import org.apache.maven.surefire.report.ClassMethodIndexer;

/**
 * Fires a finished test set's events on Surefire's listener, so the Maven side writes its usual
 * console lines, {@code TEST-*.xml} and summary. Calls are serialised on the listener, which the
 * debug console shares.
 */
public final class SurefireSink implements ReportSink {

  private final TestReportListener<TestOutputReportEntry> listener;
  private final ClassMethodIndexer indexer = new ClassMethodIndexer();
  private RunMode runMode = RunMode.NORMAL_RUN;

  SurefireSink(TestReportListener<TestOutputReportEntry> listener) {
    this.listener = listener;
  }

  void runMode(RunMode mode) {
    this.runMode = mode;
  }

  @Override
  public void testSetStarting(String topClass, String classText) {
    synchronized (listener) {
      listener.testSetStarting(
          new SimpleReportEntry(
              runMode, indexer.indexClass(topClass), topClass, classText, null, null));
    }
  }

  @Override
  public void testSetCompleted(String topClass, String classText, int elapsedMillis) {
    synchronized (listener) {
      listener.testSetCompleted(
          new SimpleReportEntry(
              runMode,
              indexer.indexClass(topClass),
              topClass,
              classText,
              null,
              null,
              null,
              elapsedMillis,
              null,
              systemProperties()));
    }
  }

  @Override
  public void event(String topClass, ReportEvent event) {
    long runId = indexer.indexClassMethod(topClass, event.name());
    synchronized (listener) {
      if (event.kind() == ReportEvent.Kind.OUTPUT) {
        listener.writeTestOutput(
            new TestOutputReportEntry(event.output(), event.stdout(), true, runMode, runId));
        return;
      }
      StackTraceWriter trace = event.failure() == null ? null : new RemoteTrace(event.failure());
      String message =
          event.reason() != null
              ? event.reason()
              : event.failure() == null ? null : event.failure().message();
      SimpleReportEntry entry =
          new SimpleReportEntry(
              runMode,
              runId,
              topClass,
              event.classText(),
              event.name(),
              event.nameText(),
              trace,
              event.elapsed(),
              message,
              Map.of());
      switch (event.kind()) {
        case STARTING -> listener.testStarting(entry);
        case SUCCEEDED -> listener.testSucceeded(entry);
        case FAILED -> listener.testFailed(entry);
        case ERROR -> listener.testError(entry);
        case SKIPPED -> listener.testSkipped(entry);
        case ASSUMPTION -> listener.testAssumptionFailure(entry);
        default -> throw new IllegalStateException("unexpected " + event.kind());
      }
    }
  }

  /** Writes a line to the console as test output of no test (the debug worker's output). */
  void console(String line) {
    synchronized (listener) {
      listener.writeTestOutput(new TestOutputReportEntry(line, true, true, runMode, null));
    }
  }

  /** Forwards what the coordinator's own code prints (Surefire's console capture). */
  public void output(org.apache.maven.surefire.api.report.OutputReportEntry entry) {
    synchronized (listener) {
      listener.writeTestOutput(new TestOutputReportEntry(entry, runMode, null));
    }
  }

  public void error(String line) {
    synchronized (listener) {
      listener.error(line);
    }
  }

  void debug(String line) {
    synchronized (listener) {
      listener.debug(line);
    }
  }

  void info(String line) {
    synchronized (listener) {
      listener.info(line);
    }
  }

  void warning(String line) {
    synchronized (listener) {
      listener.warning(line);
    }
  }

  private static Map<String, String> systemProperties() {
    Map<String, String> map = new HashMap<>();
    System.getProperties().stringPropertyNames().forEach(k -> map.put(k, System.getProperty(k)));
    return map;
  }

  /** A worker's throwable, as the strings Surefire sends from a fork anyway. */
  private static final class RemoteTrace implements StackTraceWriter {
    private final ReportEvent.Failure failure;

    RemoteTrace(ReportEvent.Failure failure) {
      this.failure = failure;
    }

    @Override
    public String writeTraceToString() {
      return failure.full();
    }

    @Override
    public String writeTrimmedTraceToString() {
      return failure.trimmed();
    }

    @Override
    public String smartTrimmedStackTrace() {
      return failure.smartTrimmed();
    }

    @Override
    public SafeThrowable getThrowable() {
      return new SafeThrowable(new RemoteThrowable(failure.message()));
    }
  }

  /** Carries a remote message; its own stack is meaningless, so none is filled in. */
  private static final class RemoteThrowable extends Throwable {
    RemoteThrowable(String message) {
      super(message, null, false, false);
    }
  }
}
