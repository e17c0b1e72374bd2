package dev.jtest.surefire.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a split of the tests into N shards of W workers each would take, from recorded durations:
 * the units go longest first to the shard with the least expected work (equal estimates in the
 * order of their keys, ties to the lower shard), so the same units and durations give the same
 * split on every machine; within a shard they go longest first to the least loaded worker, as the
 * dispatcher hands them out. Pure: no files, no clock.
 */
public final class Prediction {

  /** Something that runs whole on one worker: a test, or a class that must stay together. */
  public record Unit(String key, double millis) {}

  /**
   * One shard's share.
   *
   * @param index 1 to N
   * @param units its units, longest first
   * @param totalMillis the sum of its units' estimates
   * @param makespanMillis the expected time of its W workers: the busiest worker's load
   */
  public record Shard(int index, List<Unit> units, double totalMillis, double makespanMillis) {}

  private Prediction() {}

  /**
   * The units of a durations store: one per test, or, with {@code wholeClasses}, one per top-level
   * class (what {@code jtest.dist=class} and {@code module} keep on one worker).
   */
  public static List<Unit> units(Durations durations, boolean wholeClasses) {
    Map<String, Double> units = new LinkedHashMap<>();
    for (String id : durations.ids()) {
      String key = wholeClasses ? topClass(id) : id;
      units.merge(key, durations.known(id), Double::sum);
    }
    List<Unit> list = new ArrayList<>();
    units.forEach((key, millis) -> list.add(new Unit(key, millis)));
    return list;
  }

  /**
   * Splits {@code units} over {@code shards} shards of {@code workers} workers each.
   *
   * @throws IllegalArgumentException when {@code shards} or {@code workers} is below 1
   */
  public static List<Shard> predict(List<Unit> units, int shards, int workers) {
    if (shards < 1 || workers < 1) {
      throw new IllegalArgumentException(
          "shards and workers must be positive: " + shards + " × " + workers);
    }
    // The split is the shards' own (ShardPlanner): one single-test unit per unit, keyed by its key,
    // so a prediction and a sharded run can never disagree.
    Map<TestItem, Double> millis = new IdentityHashMap<>();
    List<WorkUnit> work = new ArrayList<>();
    for (Unit unit : units) {
      String key = unit.key();
      TestItem item = new TestItem(key, key, key, key, null, false, key, key);
      millis.put(item, unit.millis());
      work.add(new WorkUnit(work.size(), List.of(item), false, unit.millis()));
    }
    List<ShardPlanner.Part> parts = ShardPlanner.partition(work, shards, millis::get);
    List<Shard> result = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      List<Unit> mine = new ArrayList<>();
      for (WorkUnit unit : parts.get(s).units()) {
        mine.add(units.get(unit.id()));
      }
      mine = longestFirst(mine);
      result.add(
          new Shard(
              s + 1,
              List.copyOf(mine),
              parts.get(s).parallelMillis(),
              makespan(mine.stream().map(Unit::millis).toList(), workers)));
    }
    return result;
  }

  /**
   * The expected time of {@code millis} on {@code workers} workers: each, longest first, to the
   * least loaded worker; the busiest worker's load.
   */
  public static double makespan(List<Double> millis, int workers) {
    double[] load = new double[Math.max(1, workers)];
    millis.stream().sorted(Comparator.reverseOrder()).forEach(m -> load[lightest(load)] += m);
    double max = 0;
    for (double l : load) {
      max = Math.max(max, l);
    }
    return max;
  }

  /** No split can beat it: max(total / (shards × workers), longest unit). */
  public static double idealMillis(List<Unit> units, int shards, int workers) {
    double total = units.stream().mapToDouble(Unit::millis).sum();
    double longest = units.stream().mapToDouble(Unit::millis).max().orElse(0);
    return Math.max(total / ((double) shards * workers), longest);
  }

  /** The top-level class of a JUnit unique id: its first {@code [class:…]} segment, else the id. */
  static String topClass(String id) {
    int start = id.indexOf("[class:");
    if (start < 0) {
      return id;
    }
    int end = id.indexOf(']', start);
    return end < 0 ? id : id.substring(start + "[class:".length(), end);
  }

  private static List<Unit> longestFirst(List<Unit> units) {
    List<Unit> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparingDouble((Unit u) -> -u.millis()).thenComparing(Unit::key));
    return sorted;
  }

  private static int lightest(double[] load) {
    int lightest = 0;
    for (int i = 1; i < load.length; i++) {
      if (load[i] < load[lightest]) {
        lightest = i;
      }
    }
    return lightest;
  }
}
