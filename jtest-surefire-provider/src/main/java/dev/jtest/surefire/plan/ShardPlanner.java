package dev.jtest.surefire.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Splits a run's units over N shards, balanced by expected duration, so that every CI job of a
 * sharded build computes the same partition on its own: longest first to the lightest shard (LPT).
 *
 * <p>Deterministic: a unit's weight and its tie-breaking key come from its items' ids in sorted
 * order, never from discovery order or unit numbers, so two machines that discover the same tests
 * in another order and read the same durations store agree on every shard. Parallel and serial
 * units are balanced apart, since each shard runs its own serial phase after its parallel one.
 */
public final class ShardPlanner {

  private ShardPlanner() {}

  /**
   * One shard's part of the run.
   *
   * @param units its units, in the order they came (discovery order)
   * @param parallelMillis the expected work of its parallel units
   * @param serialMillis the expected work of its serial units
   */
  public record Part(List<WorkUnit> units, double parallelMillis, double serialMillis) {

    public Part {
      units = List.copyOf(units);
    }

    /** The tests of this part. */
    public int tests() {
      return units.stream().mapToInt(u -> u.items().size()).sum();
    }

    /** Its expected work, parallel and serial. */
    public double millis() {
      return parallelMillis + serialMillis;
    }
  }

  /** A unit with what the partition sorts it by. */
  private record Weighed(WorkUnit unit, double millis, String key, int position) {}

  /**
   * Splits {@code units} into {@code shards} parts; every unit lands in exactly one.
   *
   * @param units the run's units, as {@link UnitPlanner} cut them for the {@code jtest.dist} mode
   *     (so a class that must stay whole is one unit)
   * @param shards N, at least 1
   * @param estimate the expected duration of a test in milliseconds (its recorded one, or the
   *     median of the recorded ones for a test never seen)
   * @return the N parts, shard 1 first
   */
  public static List<Part> partition(
      List<WorkUnit> units, int shards, ToDoubleFunction<TestItem> estimate) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, not " + shards);
    }
    List<Weighed> parallel = new ArrayList<>();
    List<Weighed> serial = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Weighed weighed = weigh(units.get(i), i, estimate);
      (weighed.unit().serial() ? serial : parallel).add(weighed);
    }
    double[] parallelLoad = new double[shards];
    double[] serialLoad = new double[shards];
    List<List<Weighed>> parts = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      parts.add(new ArrayList<>());
    }
    assign(parallel, parts, parallelLoad, new double[shards]);
    // Serial ties go to the shard with less parallel work: its serial phase starts sooner.
    assign(serial, parts, serialLoad, parallelLoad);
    List<Part> result = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      List<Weighed> part = parts.get(s);
      part.sort(Comparator.comparingInt(Weighed::position));
      result.add(
          new Part(part.stream().map(Weighed::unit).toList(), parallelLoad[s], serialLoad[s]));
    }
    return result;
  }

  private static Weighed weigh(WorkUnit unit, int position, ToDoubleFunction<TestItem> estimate) {
    List<TestItem> items = new ArrayList<>(unit.items());
    items.sort(Comparator.comparing(TestItem::id));
    // Summed in id order: floating-point addition is not associative, and discovery order may
    // differ between machines.
    double millis = 0;
    for (TestItem item : items) {
      millis += estimate.applyAsDouble(item);
    }
    return new Weighed(unit, millis, items.get(0).id(), position);
  }

  /**
   * LPT: longest first (ties by key) to the least-loaded shard (ties by {@code tieLoad}, index).
   */
  private static void assign(
      List<Weighed> units, List<List<Weighed>> parts, double[] load, double[] tieLoad) {
    List<Weighed> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparingDouble(Weighed::millis).reversed().thenComparing(Weighed::key));
    for (Weighed unit : sorted) {
      int lightest = 0;
      for (int s = 1; s < load.length; s++) {
        if (load[s] < load[lightest]
            || (load[s] == load[lightest] && tieLoad[s] < tieLoad[lightest])) {
          lightest = s;
        }
      }
      parts.get(lightest).add(unit);
      load[lightest] += unit.millis();
    }
  }
}
