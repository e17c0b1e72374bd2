package dev.jtest.surefire.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanningTest {

  private static TestItem item(
      String cls, String method, String whole, String module, boolean serial) {
    return new TestItem(
        cls + "#" + method,
        cls,
        cls.split("\\$")[0],
        module,
        whole,
        serial,
        method,
        cls + "." + method);
  }

  private static final List<TestItem> ITEMS =
      List.of(
          item("A", "a1", null, "A.java", false),
          item("A", "a2", null, "A.java", false),
          item("A", "a3", null, "A.java", true),
          item("AHelper", "h1", null, "A.java", false),
          item("O", "o1", "whole|O", "O.java", false),
          item("O$Inner", "i1", "whole|O", "O.java", false),
          item("B", "b1", null, "B.java", false));

  private static List<List<String>> ids(List<WorkUnit> units) {
    List<List<String>> ids = new ArrayList<>();
    units.forEach(u -> ids.add(u.items().stream().map(TestItem::name).toList()));
    return ids;
  }

  @Test
  void loadMakesOneUnitPerMethodExceptGroupsThatMustStayWhole() {
    List<WorkUnit> units = UnitPlanner.plan(ITEMS, Distribution.LOAD, i -> 1);
    assertThat(ids(units))
        .containsExactly(
            List.of("a1"),
            List.of("a2"),
            List.of("a3"),
            List.of("h1"),
            List.of("o1", "i1"),
            List.of("b1"));
    assertThat(units.get(2).serial()).isTrue();
  }

  @Test
  void classKeepsEachClassOnOneWorkerAndSerialMethodsApart() {
    assertThat(ids(UnitPlanner.plan(ITEMS, Distribution.CLASS, i -> 1)))
        .containsExactly(
            List.of("a1", "a2"), List.of("a3"), List.of("h1"), List.of("o1", "i1"), List.of("b1"));
  }

  @Test
  void moduleKeepsEverythingOfOneSourceFileTogether() {
    assertThat(ids(UnitPlanner.plan(ITEMS, Distribution.MODULE, i -> 1)))
        .containsExactly(
            List.of("a1", "a2", "h1"), List.of("a3"), List.of("o1", "i1"), List.of("b1"));
  }

  @Test
  void unitEstimateIsTheSumOfItsItems() {
    Map<String, Double> ms = Map.of("o1", 30.0, "i1", 12.0);
    List<WorkUnit> units =
        UnitPlanner.plan(ITEMS, Distribution.FAST, i -> ms.getOrDefault(i.name(), 1.0));
    assertThat(units.get(4).estimateMillis()).isEqualTo(42.0);
  }

  private static List<WorkUnit> units(double... estimates) {
    List<WorkUnit> units = new ArrayList<>();
    for (int i = 0; i < estimates.length; i++) {
      units.add(
          new WorkUnit(i + 1, List.of(item("C", "m" + i, null, "C", false)), false, estimates[i]));
    }
    return units;
  }

  private static List<Integer> drain(Dispatcher dispatcher, int worker) {
    List<Integer> got = new ArrayList<>();
    dispatcher.next(worker).ifPresent(u -> got.add(u.id()));
    return got;
  }

  @Test
  void pullHandsOutLongestFirstToWhicheverWorkerAsks() {
    Dispatcher pull = Dispatcher.pull(units(1, 5, 3, 5));
    assertThat(drain(pull, 2)).containsExactly(2);
    assertThat(drain(pull, 1)).containsExactly(4);
    assertThat(drain(pull, 2)).containsExactly(3);
    assertThat(drain(pull, 2)).containsExactly(1);
    assertThat(pull.isEmpty()).isTrue();
    assertThat(pull.next(1)).isEmpty();
  }

  @Test
  void fastAssignsByLptToTheLeastLoadedWorker() {
    // LPT over 2 workers: 7 → w1, 6 → w2, 5 → w2 (6 < 7), 4 → w1 (7 < 11), 3 → w1 (11 = 11).
    Dispatcher.Fast balanced = (Dispatcher.Fast) Dispatcher.fast(units(3, 7, 5, 4, 6), 2);
    assertThat(balanced.plannedLoad()).containsExactly(14.0, 11.0);
    assertThat(drain(balanced, 1)).containsExactly(2); // 7
    assertThat(drain(balanced, 2)).containsExactly(5); // 6
    assertThat(drain(balanced, 2)).containsExactly(3); // 5
  }

  @Test
  void anIdleWorkerStealsTheShortestUnitOfTheMostLoadedQueue() {
    Dispatcher skewed = Dispatcher.fast(units(4, 3, 3, 2), 2);
    // LPT: w1 4,2 (6); w2 3,3 (6). Worker 2 takes its own one at a time (each is half its queue),
    // then steals w1's last (2).
    assertThat(drain(skewed, 2)).containsExactly(2);
    assertThat(drain(skewed, 2)).containsExactly(3);
    assertThat(drain(skewed, 2)).containsExactly(4);
    assertThat(drain(skewed, 1)).containsExactly(1);
    assertThat(skewed.isEmpty()).isTrue();
  }

  @Test
  void aWorkerThatRunsDryStealsUpToHalfOfTheBusiestQueueFromItsShortEnd() {
    // LPT: w1 gets 8, 1, 1 (units 1, 5, 6); w2 gets 4, 3, 2, 0.5, 0.5 (units 2, 3, 4, 7, 8).
    // Worker 2 is late.
    Dispatcher balanced = Dispatcher.fast(units(8, 4, 3, 2, 1, 1, 0.5, 0.5), 2);
    List<List<Integer>> w1 = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      w1.add(
          balanced.next(1).get().items().stream()
              .map(t -> Integer.valueOf(t.name().substring(1)) + 1)
              .toList());
    }
    // Its own queue first (8 alone, then the 1s one by one), then steals from w2's short end:
    // 0.5, 0.5 and 2 fit in half of w2's 10, 3 would not; then 3, half of what w2 has left.
    assertThat(w1)
        .containsExactly(List.of(1), List.of(5), List.of(6), List.of(4, 7, 8), List.of(3));
    assertThat(drain(balanced, 2)).containsExactly(2);
    assertThat(balanced.isEmpty()).isTrue();
  }

  @Test
  void aWorkerGetsItsOwnQueueInBatchesOfAboutHalfOfWhatIsLeft() {
    // One worker, sixteen 1 ms units: batches of 8, 4, 2, 1, 1 units.
    double[] ones = new double[16];
    java.util.Arrays.fill(ones, 1);
    Dispatcher one = Dispatcher.fast(units(ones), 1);
    List<Integer> sizes = new ArrayList<>();
    for (var batch = one.next(1); batch.isPresent(); batch = one.next(1)) {
      sizes.add(batch.get().items().size());
    }
    assertThat(sizes).containsExactly(8, 4, 2, 1, 1);
  }

  @Test
  void loadPullsAboutOneOverTwoWOfTheQueuedWorkLongestFirst() {
    double[] ones = new double[16];
    java.util.Arrays.fill(ones, 1);
    Dispatcher guided = Dispatcher.load(units(ones), 2);
    List<Integer> sizes = new ArrayList<>();
    for (var batch = guided.next(1); batch.isPresent(); batch = guided.next(2)) {
      sizes.add(batch.get().items().size());
    }
    // 16/4 = 4, 12/4 = 3, 9/4 → 2, 7/4 → 1, then single units.
    assertThat(sizes).containsExactly(4, 3, 2, 1, 1, 1, 1, 1, 1, 1);
    Dispatcher skewed = Dispatcher.load(units(1, 9, 2, 2), 2);
    assertThat(skewed.next(1).get().estimateMillis()).isEqualTo(9.0); // alone: over 14/4
  }

  @Test
  void requeuedUnitsComeFirst() {
    Dispatcher pull = Dispatcher.pull(units(5, 1));
    WorkUnit again = new WorkUnit(9, List.of(item("C", "x", null, "C", false)), false, 0.5);
    pull.requeue(again);
    assertThat(drain(pull, 1)).containsExactly(9);
  }
}
