package dev.jtest.surefire.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ShardPlannerTest {

  private static TestItem item(String cls, String method, String whole, boolean serial) {
    return new TestItem(
        "[class:" + cls + "]/[method:" + method + "()]",
        cls,
        cls,
        cls + ".java",
        whole,
        serial,
        method,
        cls + "." + method);
  }

  /**
   * The benchmark's skewed suite in small: 18 light classes of 10 lognormal tests, one heavy class
   * of 24 tests holding a third of the work, one ordered class that must stay whole, four serial
   * tests, and two tests never recorded.
   */
  private static final List<TestItem> SKEWED = new ArrayList<>();

  private static final Map<String, Double> MILLIS = new HashMap<>();

  static {
    Random random = new Random(42);
    double light = 0;
    for (int c = 0; c < 18; c++) {
      for (int m = 0; m < 10; m++) {
        TestItem item = item(String.format("Light%02dIT", c), "m" + m, null, false);
        double ms = Math.min(1500, Math.max(5, Math.exp(Math.log(60) + random.nextGaussian())));
        SKEWED.add(item);
        MILLIS.put(item.id(), ms);
        light += ms;
      }
    }
    for (int m = 0; m < 24; m++) {
      TestItem item = item("HeavyIT", "h" + m, null, false);
      SKEWED.add(item);
      MILLIS.put(item.id(), light / 2 / 24 * (0.5 + (m % 5) / 4.0));
    }
    for (int m = 0; m < 3; m++) {
      TestItem item = item("OrderedIT", "o" + m, "whole|OrderedIT", false);
      SKEWED.add(item);
      MILLIS.put(item.id(), 120.0);
    }
    for (int m = 0; m < 4; m++) {
      TestItem item = item("SharedStateIT", "s" + m, null, true);
      SKEWED.add(item);
      MILLIS.put(item.id(), 100.0);
    }
    SKEWED.add(item("NewIT", "fresh1", null, false));
    SKEWED.add(item("NewIT", "fresh2", null, false));
  }

  private static final Durations DURATIONS = durations(MILLIS);

  private static Durations durations(Map<String, Double> millis) {
    Durations durations = Durations.empty();
    new TreeMap<>(millis).forEach(durations::record);
    return durations;
  }

  private static final ToDoubleFunction<TestItem> ESTIMATE = i -> DURATIONS.estimate(i.id());

  private static List<ShardPlanner.Part> partition(List<TestItem> items, int shards) {
    return ShardPlanner.partition(
        UnitPlanner.plan(items, Distribution.LOAD, ESTIMATE), shards, ESTIMATE);
  }

  private static List<Set<String>> ids(List<ShardPlanner.Part> parts) {
    List<Set<String>> ids = new ArrayList<>();
    for (ShardPlanner.Part part : parts) {
      Set<String> set = new TreeSet<>();
      part.units().forEach(u -> u.items().forEach(i -> set.add(i.id())));
      ids.add(set);
    }
    return ids;
  }

  private static double slowest(List<ShardPlanner.Part> parts) {
    return parts.stream().mapToDouble(ShardPlanner.Part::millis).max().orElseThrow();
  }

  @Test
  void everyShardComputesTheSamePartitionWhateverTheDiscoveryOrder() {
    for (int shards = 1; shards <= 5; shards++) {
      List<TestItem> first = new ArrayList<>(SKEWED);
      List<TestItem> second = new ArrayList<>(SKEWED);
      Collections.shuffle(first, new Random(1));
      Collections.shuffle(second, new Random(2));
      assertThat(ids(partition(first, shards)))
          .as("%d shards", shards)
          .isEqualTo(ids(partition(second, shards)));
    }
  }

  @Test
  void tiesAreBrokenByTestIdNotByDiscoveryOrder() {
    // Nothing recorded: every test weighs the same, so only the tie-breaking decides.
    List<TestItem> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(item("EqualIT", "t" + i, null, false));
    }
    List<TestItem> reversed = new ArrayList<>(items);
    Collections.reverse(reversed);
    ToDoubleFunction<TestItem> none = i -> Durations.empty().estimate(i.id());
    assertThat(
            ids(ShardPlanner.partition(UnitPlanner.plan(items, Distribution.LOAD, none), 3, none)))
        .isEqualTo(
            ids(
                ShardPlanner.partition(
                    UnitPlanner.plan(reversed, Distribution.LOAD, none), 3, none)));
  }

  @Test
  void everyTestRunsInExactlyOneShard() {
    for (int shards = 1; shards <= 6; shards++) {
      List<Set<String>> parts = ids(partition(SKEWED, shards));
      Set<String> union = new TreeSet<>();
      int count = 0;
      for (Set<String> part : parts) {
        union.addAll(part);
        count += part.size();
      }
      assertThat(count).as("%d shards", shards).isEqualTo(SKEWED.size());
      assertThat(union).hasSize(SKEWED.size());
    }
  }

  @Test
  void slowestShardIsWithinTenPercentOfTheIdeal() {
    List<WorkUnit> units = UnitPlanner.plan(SKEWED, Distribution.LOAD, ESTIMATE);
    double total = units.stream().mapToDouble(WorkUnit::estimateMillis).sum();
    double longest = units.stream().mapToDouble(WorkUnit::estimateMillis).max().orElseThrow();
    for (int shards : new int[] {2, 3, 4}) {
      double ideal = Math.max(total / shards, longest);
      assertThat(slowest(partition(SKEWED, shards)))
          .as("%d shards", shards)
          .isLessThanOrEqualTo(1.10 * ideal);
    }
  }

  @Test
  void slowestShardTakesAtMostThreeQuartersOfARoundRobinSplitByClassName() {
    int shards = 4;
    List<String> classes = SKEWED.stream().map(TestItem::className).distinct().sorted().toList();
    double[] roundRobin = new double[shards];
    for (TestItem item : SKEWED) {
      roundRobin[classes.indexOf(item.className()) % shards] += ESTIMATE.applyAsDouble(item);
    }
    double slowestRoundRobin = 0;
    for (double load : roundRobin) {
      slowestRoundRobin = Math.max(slowestRoundRobin, load);
    }
    assertThat(slowest(partition(SKEWED, shards))).isLessThanOrEqualTo(0.75 * slowestRoundRobin);
  }

  @Test
  void aClassThatMustStayWholeLandsInOneShard() {
    for (int shards = 2; shards <= 5; shards++) {
      long holding =
          ids(partition(SKEWED, shards)).stream()
              .filter(part -> part.stream().anyMatch(id -> id.contains("OrderedIT")))
              .count();
      assertThat(holding).as("%d shards", shards).isEqualTo(1);
    }
  }

  @Test
  void aTestNeverRecordedWeighsTheMedianOfTheRecordedOnes() {
    Durations durations =
        durations(Map.of("[class:A]/[method:a()]", 100.0, "[class:B]/[method:b()]", 300.0));
    TestItem fresh = item("C", "c", null, false);
    ToDoubleFunction<TestItem> estimate = i -> durations.estimate(i.id());
    ShardPlanner.Part part =
        ShardPlanner.partition(
                UnitPlanner.plan(List.of(fresh), Distribution.LOAD, estimate), 1, estimate)
            .get(0);
    assertThat(part.parallelMillis()).isEqualTo(200.0);
  }

  @Test
  void serialTestsAreBalancedApartFromParallelOnes() {
    List<ShardPlanner.Part> parts = partition(SKEWED, 2);
    assertThat(parts).extracting(ShardPlanner.Part::serialMillis).containsExactly(200.0, 200.0);
    for (ShardPlanner.Part part : parts) {
      assertThat(part.units().stream().filter(WorkUnit::serial).count()).isEqualTo(2);
    }
  }

  @Test
  void moreShardsThanUnitsLeavesSomeEmpty() {
    List<TestItem> two = List.of(item("A", "a", null, false), item("B", "b", null, false));
    List<ShardPlanner.Part> parts = partition(two, 3);
    assertThat(parts).extracting(ShardPlanner.Part::tests).containsExactly(1, 1, 0);
  }
}
