package dev.jtest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs real Jupiter engines over the sample classes below and reads what they reported. */
class TestDataTest {

  static final List<String> LOG = new ArrayList<>();

  @WithServices
  static class Samples {
    @Test
    void failing(TestData data) {
      data.onTeardown(() -> LOG.add("first registered"));
      data.onTeardown(() -> LOG.add("second registered"));
      throw new AssertionError("the test's own failure");
    }

    @Test
    void passingWithABrokenTeardown(TestData data) {
      data.onTeardown(() -> LOG.add("still runs"));
      data.onTeardown(
          () -> {
            throw new IllegalStateException("teardown broke");
          });
    }

    @Test
    void failingWithABrokenTeardown(TestData data) {
      data.onTeardown(
          () -> {
            throw new IllegalStateException("teardown broke too");
          });
      throw new AssertionError("own failure first");
    }

    @Test
    void names(TestData data) {
      LOG.add(data.name("client"));
    }
  }

  /** Each test gets a new instance, and with it a new fixture through the constructor. */
  @WithServices
  static class ConstructorInjected {
    private final TestData data;

    ConstructorInjected(TestData data) {
      this.data = data;
    }

    @Test
    void first(TestData same) {
      LOG.add("same fixture: " + (same == data));
      data.onTeardown(() -> LOG.add("first torn down"));
    }

    @Test
    void second() {
      data.onTeardown(() -> LOG.add("second torn down"));
    }
  }

  /** One instance for all tests: its constructor's fixture lives until the class is done. */
  @WithServices
  @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
  static class OneInstance {
    private final TestData data;

    OneInstance(TestData data) {
      this.data = data;
    }

    @Test
    void a() {
      data.onTeardown(() -> LOG.add("class fixture torn down"));
    }

    @Test
    void b() {
      LOG.add("b ran, class fixture still up: " + !LOG.contains("class fixture torn down"));
    }
  }

  @Test
  void tearsDownWhatTheConstructorReceivedAfterEachTest() {
    LOG.clear();
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(ConstructorInjected.class))
            .execute()
            .testEvents();

    assertThat(events.failed().count()).isZero();
    assertThat(LOG)
        .containsExactlyInAnyOrder("same fixture: true", "first torn down", "second torn down");
  }

  @Test
  void tearsDownAPerClassInstancesFixtureAfterAllItsTests() {
    LOG.clear();
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(OneInstance.class)).execute();

    assertThat(LOG)
        .containsExactly("b ran, class fixture still up: true", "class fixture torn down");
  }

  private static Throwable failureOf(Events events, String method) {
    Event event =
        events
            .failed()
            .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method))
            .findFirst()
            .orElseThrow();
    return event
        .getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .orElseThrow()
        .getThrowable()
        .orElseThrow();
  }

  @Test
  void runsTeardownsInReverseOrderAfterAFailedTest() {
    LOG.clear();
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(Samples.class))
            .execute()
            .testEvents();

    assertThat(LOG).containsSubsequence("second registered", "first registered");
    assertThat(failureOf(events, "failing(")).hasMessage("the test's own failure");
  }

  @Test
  void reportsATeardownFailureOnAPassingTest() {
    LOG.clear();
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(Samples.class))
            .execute()
            .testEvents();

    assertThat(LOG).contains("still runs");
    assertThat(failureOf(events, "passingWithABrokenTeardown")).hasMessage("teardown broke");
  }

  @Test
  void neverHidesTheTestsOwnFailure() {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(Samples.class))
            .execute()
            .testEvents();

    Throwable failure = failureOf(events, "failingWithABrokenTeardown");
    assertThat(failure).hasMessage("own failure first");
    assertThat(failure.getSuppressed())
        .extracting(Throwable::getMessage)
        .containsExactly("teardown broke too");
  }

  @Test
  void namesRecordsWithThePrefix() {
    LOG.clear();
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(Samples.class)).execute();

    assertThat(LOG).anySatisfy(name -> assertThat(name).matches("TEST client [0-9a-f]{6}"));
  }
}
