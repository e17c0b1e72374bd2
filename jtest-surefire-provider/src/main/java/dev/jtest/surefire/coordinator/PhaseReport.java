package dev.jtest.surefire.coordinator;

import java.util.List;

/**
 * What one phase did, for the console line and the timeline.
 *
 * @param bars one per test as it ran, plus one per crash
 * @param units the units as they were handed out
 * @param wallMillis from the phase's start (workers starting included) to its end
 */
record PhaseReport(
    String name, int workers, int tests, List<Bar> bars, List<Bar> units, long wallMillis) {

  /**
   * A span of time on one worker. {@code outcome}: SUCCESSFUL, FAILED, ABORTED, SKIPPED, CRASHED;
   * {@code FLAKY} for a failed attempt of a test that passed when it ran again, UNIT for a unit.
   *
   * @param id the JUnit unique id of the test, null for a unit
   */
  record Bar(int worker, String label, long start, long end, String outcome, String id) {

    /** A span that is no test's: a unit as it was handed out. */
    Bar(int worker, String label, long start, long end, String outcome) {
      this(worker, label, start, end, outcome, null);
    }

    /** This bar with another outcome. */
    Bar as(String outcome) {
      return new Bar(worker, label, start, end, outcome, id);
    }

    long millis() {
      return Math.max(0, end - start);
    }
  }

  long start() {
    return units.stream().mapToLong(Bar::start).min().orElse(0);
  }

  /** From the first unit's start to the last unit's end. */
  long makespan() {
    return units.isEmpty() ? 0 : units.stream().mapToLong(Bar::end).max().getAsLong() - start();
  }

  /** max(total work / workers, longest unit): no schedule of these units can be shorter. */
  double lowerBound() {
    long total = units.stream().mapToLong(Bar::millis).sum();
    long longest = units.stream().mapToLong(Bar::millis).max().orElse(0);
    return Math.max((double) total / workers, longest);
  }

  /** lowerBound / makespan, 1 for an empty phase. */
  double efficiency() {
    long makespan = makespan();
    return makespan == 0 ? 1 : lowerBound() / makespan;
  }
}
