package dev.jtest.surefire.coordinator;

import dev.jtest.settings.Shard;
import dev.jtest.surefire.plan.Durations;
import dev.jtest.surefire.plan.ShardPlanner;
import dev.jtest.surefire.plan.TestItem;
import dev.jtest.surefire.plan.WorkUnit;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code -Djtest.shard=I/N} changes in a run: which units it runs (its part of the {@link
 * ShardPlanner} partition), the console's line about it, and where its durations go. Every shard
 * plans from the same shared store and leaves it as it found it, writing the records of its own
 * tests to a store of its own, which {@code mvn jtest:durations -Djtest.merge=…} folds back.
 */
final class ShardScope {

  private final Shard shard;
  private final ShardPlanner.Part part;
  private final List<WorkUnit> all;
  private final int allTests;

  private ShardScope(Shard shard, ShardPlanner.Part part, List<WorkUnit> all, int allTests) {
    this.shard = shard;
    this.part = part;
    this.all = all;
    this.allTests = allTests;
  }

  /** Shard {@code shard}'s part of {@code units}, which hold {@code tests} tests in all. */
  static ShardScope of(Shard shard, List<WorkUnit> units, int tests, Durations durations) {
    ShardPlanner.Part part =
        ShardPlanner.partition(units, shard.total(), i -> durations.estimate(i.id()))
            .get(shard.index() - 1);
    return new ShardScope(shard, part, units, tests);
  }

  /** The units this shard runs. */
  List<WorkUnit> units() {
    return part.units();
  }

  /** The tests this shard runs. */
  List<TestItem> tests() {
    return part.units().stream().flatMap(u -> u.items().stream()).toList();
  }

  /** The shard's own durations store, in jtest's work directory. */
  Path durationsFile(Path workDirectory, String reportKind) {
    return workDirectory.resolve(
        "durations-" + reportKind + "-shard-" + shard.index() + "-of-" + shard.total() + ".json");
  }

  /** The records of the tests this shard ran, each with its whole moving average. */
  Durations ownDurations(Durations durations, List<TestItem> ran) {
    Set<String> ids = ran.stream().map(TestItem::id).collect(Collectors.toSet());
    return durations.only(ids);
  }

  /** The console's one line about this shard: its tests and expected work against the whole. */
  String line() {
    double total = all.stream().mapToDouble(WorkUnit::estimateMillis).sum();
    return String.format(
        Locale.ROOT,
        "jtest shard %s: %d of %d tests, %d of %d units, expected work %s of %s (parallel %s,"
            + " serial %s)%s",
        shard,
        part.tests(),
        allTests,
        part.units().size(),
        all.size(),
        Timeline.seconds(part.millis()),
        Timeline.seconds(total),
        Timeline.seconds(part.parallelMillis()),
        Timeline.seconds(part.serialMillis()),
        part.units().isEmpty() ? ": nothing to run in this shard" : "");
  }
}
