package dev.jtest.surefire.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.settings.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each {@code jtest.dist} mode end to end: the units it cuts and which worker its dispatcher hands
 * them to, in a simulated run where each unit takes as long as its items' durations.
 */
class DistributionTest {

  /** Recorded durations: A has two methods, C a nested class in the same file, B one long test. */
  private static final Map<String, Double> MILLIS =
      Map.of("a1", 4.0, "a2", 4.0, "b1", 6.0, "c1", 1.0, "i1", 1.0, "d1", 2.0);

  private static final List<TestItem> ITEMS =
      List.of(
          item("A", "a1", "A.java"),
          item("A", "a2", "A.java"),
          item("B", "b1", "B.java"),
          item("C", "c1", "C.java"),
          item("C$Inner", "i1", "C.java"),
          item("D", "d1", "D.java"));

  private static TestItem item(String cls, String method, String module) {
    return new TestItem(
        cls + "#" + method, cls, cls.split("\\$")[0], module, null, false, method, method);
  }

  /**
   * Runs the plan on {@code workers} simulated workers: the worker free first (the lower index on a
   * tie) asks for the next unit and is busy for its items' {@code actual} durations.
   *
   * @return the names of the tests each worker ran, in order, index 0 for worker 1
   */
  private static List<List<String>> run(
      Distribution mode, int workers, Map<String, Double> actual) {
    List<WorkUnit> units = UnitPlanner.plan(ITEMS, mode, i -> MILLIS.get(i.name()));
    Dispatcher dispatcher = mode.dispatcher(units, workers);
    double[] freeAt = new double[workers];
    boolean[] done = new boolean[workers];
    List<List<String>> ran = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      ran.add(new ArrayList<>());
    }
    while (true) {
      int next = -1;
      for (int w = 0; w < workers; w++) {
        if (!done[w] && (next < 0 || freeAt[w] < freeAt[next])) {
          next = w;
        }
      }
      if (next < 0) {
        return ran;
      }
      var unit = dispatcher.next(next + 1);
      if (unit.isEmpty()) {
        done[next] = true;
        continue;
      }
      for (TestItem item : unit.get().items()) {
        ran.get(next).add(item.name());
        freeAt[next] += actual.get(item.name());
      }
    }
  }

  @Test
  void modesAreNamedAsUsersNameThem() {
    assertThat(Arrays.stream(Distribution.values()).map(Distribution::toString))
        .containsExactlyElementsOf(Settings.DISTRIBUTIONS);
    assertThat(Distribution.read(Map.of("jtest.dist", "Module")::get))
        .isEqualTo(Distribution.MODULE);
    assertThat(Distribution.read(name -> null)).isEqualTo(Distribution.LOAD);
    assertThatThrownBy(() -> Distribution.read(Map.of("jtest.dist", "pull")::get))
        .hasMessage("Invalid jtest.dist=\"pull\": use one of load, class, module, fast");
  }

  @Test
  void loadPullsLongClassesMethodByMethodAndShortOnesWholeLongestFirst() {
    // A (8 ms) and B (6 ms) are more than 1/(4W) of the 18 ms: their tests go one by one; C with
    // C$Inner (2 ms) and D (2 ms) go whole. Longest first: b1 6, a1 4, a2 4, D 2, C 2; each batch
    // is one piece here, as none fits in 1/(2W) of what is queued next to a longer one.
    assertThat(run(Distribution.LOAD, 2, MILLIS))
        .containsExactly(List.of("b1", "d1", "c1", "i1"), List.of("a1", "a2"));
  }

  @Test
  void classKeepsAClassOnOneWorkerButNotItsNestedClass() {
    // Units A 8, B 6, D 2, C 1, C$Inner 1, pulled longest first.
    assertThat(run(Distribution.CLASS, 2, MILLIS))
        .containsExactly(List.of("a1", "a2", "c1"), List.of("b1", "d1", "i1"));
  }

  @Test
  void moduleKeepsEverythingOfASourceFileOnOneWorker() {
    // Units A.java 8, B.java 6, C.java 2 (C and C$Inner), D.java 2, pulled longest first.
    assertThat(run(Distribution.MODULE, 2, MILLIS))
        .containsExactly(List.of("a1", "a2", "d1"), List.of("b1", "c1", "i1"));
  }

  @Test
  void fastAssignsWholeClassesByRecordedDurationsUpFront() {
    // LPT over classes (none is more than a worker's share, 9 ms): worker 1 gets A (8 ms) and C
    // with C$Inner (2 ms), worker 2 B (6 ms) and D (2 ms); worker 2, free at 8 ms, then steals
    // i1 from the end of worker 1's queue: 9 ms each.
    assertThat(run(Distribution.FAST, 2, MILLIS))
        .containsExactly(List.of("a1", "a2", "c1"), List.of("b1", "d1", "i1"));
  }

  @Test
  void fastSpreadsAClassLongerThanAWorkersShareTestByTest() {
    Map<String, Double> bigA = new java.util.HashMap<>(MILLIS);
    bigA.put("a1", 12.0);
    bigA.put("a2", 12.0);
    List<WorkUnit> units = UnitPlanner.plan(ITEMS, Distribution.FAST, i -> bigA.get(i.name()));
    Dispatcher.Fast fast = (Dispatcher.Fast) Distribution.FAST.dispatcher(units, 2);
    // A (24 ms) is more than half of 34 ms: a1 and a2 go to different workers, then B (6) to
    // worker 1, D and C (2 each) to worker 2.
    assertThat(fast.plannedLoad()).containsExactly(18.0, 16.0);
  }

  @Test
  void fastLetsAWorkerThatRunsDryStealWhatALongerTestHeldUp() {
    Map<String, Double> slowB = new java.util.HashMap<>(MILLIS);
    slowB.put("b1", 20.0);
    // Worker 2 is held up by b1 for 20 ms; worker 1 runs its own queue, then steals d1.
    assertThat(run(Distribution.FAST, 2, slowB))
        .containsExactly(List.of("a1", "a2", "c1", "i1", "d1"), List.of("b1"));
  }

  @Test
  void everyModeRunsEveryTestExactlyOnce() {
    for (Distribution mode : Distribution.values()) {
      for (int workers = 1; workers <= 4; workers++) {
        List<String> all = new ArrayList<>();
        run(mode, workers, MILLIS).forEach(all::addAll);
        assertThat(all)
            .as(mode + " on " + workers + " workers")
            .containsExactlyInAnyOrderElementsOf(MILLIS.keySet());
      }
    }
  }
}
