package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.surefire.plan.TestItem;
import dev.jtest.surefire.wire.ReportEvent;
import dev.jtest.surefire.wire.ReportEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCollectorTest {

  private static final String CLASS_ID = "[engine:junit-jupiter]/[class:a.SplitIT]";

  private final List<ReportEvent> reported = new ArrayList<>();
  private final ReportSink sink =
      new ReportSink() {
        @Override
        public void testSetStarting(String topClass, String classText) {}

        @Override
        public void event(String topClass, ReportEvent event) {
          reported.add(event);
        }

        @Override
        public void testSetCompleted(String topClass, String classText, int elapsedMillis) {}
      };

  /**
   * A class split over two workers whose {@code @AfterAll} fails runs it on both: the worker that
   * saw one of its tests pass names the failure {@code executionError}, the other, whose share all
   * failed, {@code initializationError}. Stock runs the class in one JVM and reports one {@code
   * executionError}, since a test of the class passed.
   */
  @Test
  void anAfterAllFailureOnTwoWorkersIsOneExecutionErrorWhenATestOfTheClassPassed() {
    ReportCollector collector = new ReportCollector(List.of(), sink, false);

    collector.add(test(Kind.SUCCEEDED, "a"), 10);
    collector.add(test(Kind.FAILED, "b"), 11);
    collector.add(classFailure("initializationError"), 12);
    collector.add(classFailure("executionError"), 13);
    collector.flushAll();

    assertThat(reported.stream().filter(ReportEvent::classLevel).map(ReportEvent::name))
        .containsExactly("executionError");
  }

  @Test
  void theSameBeforeAllFailureOnTwoWorkersIsReportedOnce() {
    ReportCollector collector = new ReportCollector(List.of(), sink, false);

    collector.add(classFailure("initializationError"), 12);
    collector.add(classFailure("initializationError"), 13);
    collector.flushAll();

    assertThat(reported.stream().filter(ReportEvent::classLevel).map(ReportEvent::name))
        .containsExactly("initializationError");
  }

  @Test
  void aClassWithAFailedTestWaitsForItsFailureContextWhichJoinsOnlyTheFailedTestsOutput() {
    TestItem a = item("a");
    TestItem b = item("b");
    ReportCollector collector = new ReportCollector(List.of(a, b), sink, true);
    collector.add(test(Kind.SUCCEEDED, "a"), 10);
    collector.add(test(Kind.FAILED, "b"), 11);

    collector.done(List.of(a, b));
    assertThat(reported).isEmpty();

    assertThat(collector.attach(CLASS_ID + "/[method:b()]", "web | GET /b")).isTrue();
    assertThat(collector.attach(CLASS_ID + "/[method:a()]", "web | GET /a")).isFalse();
    collector.flushAll();

    assertThat(reported)
        .extracting(e -> e.kind() + " " + e.runKey() + " " + e.output())
        .containsExactly(
            "SUCCEEDED " + CLASS_ID + "/[method:a()] null",
            "OUTPUT " + CLASS_ID + "/[method:b()] web | GET /b",
            "FAILED " + CLASS_ID + "/[method:b()] null");
    assertThat(reported.get(1).stdout()).isTrue();
  }

  @Test
  void aClassWhoseTestsPassedIsReportedAsSoonAsItIsDone() {
    TestItem a = item("a");
    ReportCollector collector = new ReportCollector(List.of(a), sink, true);
    collector.add(test(Kind.SUCCEEDED, "a"), 10);

    collector.done(List.of(a));

    assertThat(reported).extracting(ReportEvent::kind).containsExactly(Kind.SUCCEEDED);
  }

  @Test
  void aParameterizedTestsSliceJoinsEachOfItsFailedInvocations() {
    TestItem each = item("each");
    ReportCollector collector = new ReportCollector(List.of(each), sink, true);
    collector.add(invocation(Kind.SUCCEEDED, each, 1), 10);
    collector.add(invocation(Kind.FAILED, each, 2), 11);
    collector.done(List.of(each));

    assertThat(collector.attach(each.id(), "web | GET /each")).isTrue();
    collector.flushAll();

    assertThat(reported)
        .extracting(e -> e.kind() + " " + e.output())
        .containsExactly("SUCCEEDED null", "OUTPUT web | GET /each", "FAILED null");
    assertThat(reported.get(1).testId()).endsWith("#2]");
  }

  /** Without services' lines to wait for, a failed class is not held back from a fork timeout. */
  @Test
  void aFailedClassIsReportedAsSoonAsItIsDoneWhenNothingWillBeAttached() {
    TestItem b = item("b");
    ReportCollector collector = new ReportCollector(List.of(b), sink, false);
    collector.add(test(Kind.FAILED, "b"), 10);

    collector.done(List.of(b));

    assertThat(reported).extracting(ReportEvent::kind).containsExactly(Kind.FAILED);
  }

  private static TestItem item(String method) {
    return new TestItem(
        CLASS_ID + "/[method:" + method + "()]",
        "a.SplitIT",
        "a.SplitIT",
        "a",
        null,
        false,
        method,
        method);
  }

  private static ReportEvent invocation(Kind kind, TestItem item, int index) {
    String id = item.id() + "/[test-template-invocation:#" + index + "]";
    return new ReportEvent(
        kind,
        id,
        "a.SplitIT",
        null,
        null,
        "a.SplitIT",
        item.name(),
        null,
        id,
        1,
        null,
        null,
        null,
        false,
        false);
  }

  private static ReportEvent test(Kind kind, String method) {
    return new ReportEvent(
        kind,
        CLASS_ID + "/[method:" + method + "()]",
        "a.SplitIT",
        null,
        null,
        "a.SplitIT",
        method,
        null,
        CLASS_ID + "/[method:" + method + "()]",
        1,
        null,
        null,
        null,
        false,
        false);
  }

  private static ReportEvent classFailure(String name) {
    return new ReportEvent(
        Kind.ERROR,
        CLASS_ID,
        "a.SplitIT",
        null,
        null,
        "a.SplitIT",
        name,
        null,
        name,
        1,
        null,
        new ReportEvent.Failure("cannot clean up", "SplitIT cannot clean up", "t", "t"),
        null,
        false,
        true);
  }
}
