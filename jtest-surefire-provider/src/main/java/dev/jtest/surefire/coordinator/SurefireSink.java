package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Keys;
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

  /** Whether this Surefire's report entries carry the class name a testcase is written with. */
  private static final boolean QUALIFIED_NAMES = hasQualifiedNames();

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
      listener.testSetStarting(setEntry(topClass, classText, null, Map.of()));
    }
  }

  @Override
  public void testSetCompleted(String topClass, String classText, int elapsedMillis) {
    synchronized (listener) {
      listener.testSetCompleted(setEntry(topClass, classText, elapsedMillis, systemProperties()));
    }
  }

  /** The entry of a test set: its top-level class, which is also its qualified name. */
  private SimpleReportEntry setEntry(
      String topClass, String classText, Integer elapsedMillis, Map<String, String> properties) {
    return entry(
        indexer.indexClass(topClass),
        topClass,
        classText,
        topClass,
        null,
        null,
        null,
        elapsedMillis,
        null,
        properties);
  }

  /**
   * A report entry with the qualified class name its {@code testcase} is written with (Surefire 3.6
   * and newer). Surefire 3.5's report API has no such name and writes the class's display text
   * instead, as its own JUnit Platform provider's reports do.
   */
  private SimpleReportEntry entry(
      Long runId,
      String source,
      String sourceText,
      String qualified,
      String name,
      String nameText,
      StackTraceWriter trace,
      Integer elapsed,
      String message,
      Map<String, String> properties) {
    if (QUALIFIED_NAMES) {
      return new SimpleReportEntry(
          runMode,
          runId,
          source,
          sourceText,
          qualified,
          name,
          nameText,
          trace,
          elapsed,
          message,
          properties);
    }
    return new SimpleReportEntry(
        runMode, runId, source, sourceText, name, nameText, trace, elapsed, message, properties);
  }

  private static boolean hasQualifiedNames() {
    try {
      SimpleReportEntry.class.getConstructor(
          RunMode.class,
          Long.class,
          String.class,
          String.class,
          String.class,
          String.class,
          String.class,
          StackTraceWriter.class,
          Integer.class,
          String.class,
          Map.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Override
  public void event(String topClass, ReportEvent event) {
    // Keyed as the stock provider keys it (a test's unique id), so that two tests of one name in
    // a test set, e.g. in two nested classes, stay two tests in the report's counts, and a test's
    // reruns stay one.
    long runId = indexer.indexClassMethod(topClass, event.runKey());
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
          entry(
              runId,
              topClass,
              event.classText(),
              event.qualified(),
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
    boolean test = event.runKey() != null && event.runKey().equals(event.testId());
    boolean done =
        event.kind() == ReportEvent.Kind.SUCCEEDED
            || event.kind() == ReportEvent.Kind.SKIPPED
            || event.kind() == ReportEvent.Kind.ASSUMPTION;
    if (test && done) {
      // A failed test keeps its run id, so that its reruns join it; the others are let go.
      indexer.forgetClassMethod(topClass, event.runKey());
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

  /**
   * The fork's system properties, as a test set's report lists them; less {@code jtest.worker},
   * which the fork has only when it runs the tests itself (one worker), so that the reports do not
   * depend on the number of workers.
   */
  private static Map<String, String> systemProperties() {
    Map<String, String> map = new HashMap<>();
    System.getProperties().stringPropertyNames().forEach(k -> map.put(k, System.getProperty(k)));
    map.remove(Keys.WORKER);
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

  /**
   * Carries a remote message; its own stack is meaningless, so none is filled in. An exception, not
   * a bare throwable, so that nothing mistakes it for an error of the JVM.
   */
  private static final class RemoteThrowable extends Exception {
    RemoteThrowable(String message) {
      super(message, null, false, false);
    }
  }
}
