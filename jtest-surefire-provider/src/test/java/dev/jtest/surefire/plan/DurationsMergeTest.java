package dev.jtest.surefire.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurationsMergeTest {

  private static Durations store(Object... idsAndMillis) {
    Durations durations = Durations.empty();
    for (int i = 0; i < idsAndMillis.length; i += 2) {
      durations.record((String) idsAndMillis[i], ((Number) idsAndMillis[i + 1]).doubleValue());
    }
    return durations;
  }

  @Test
  void keepsEveryTestOfEveryShardOnce() {
    Durations shard1 = store("a", 100, "b", 200);
    Durations shard2 = store("c", 300);

    DurationsMerge.Result result = DurationsMerge.merge(Durations.empty(), List.of(shard1, shard2));

    assertThat(result.merged().ids()).containsExactly("a", "b", "c");
    assertThat(result.merged().known("c")).isEqualTo(300.0);
    assertThat(result.added()).isEqualTo(3);
    assertThat(result.updated()).isZero();
  }

  @Test
  void aShardsUnchangedCopyOfTheSharedStoreDoesNotUndoAnotherShardsMeasurement() {
    Durations base = store("a", 100, "b", 100);
    Durations shard1 = store("a", 100, "b", 100);
    shard1.record("a", 500); // shard 1 ran a
    Durations shard2 = store("a", 100, "b", 100);
    shard2.record("b", 300); // shard 2 ran b

    DurationsMerge.Result result = DurationsMerge.merge(base, List.of(shard1, shard2));

    assertThat(result.merged().known("a")).isEqualTo(shard1.known("a"));
    assertThat(result.merged().known("b")).isEqualTo(shard2.known("b"));
    assertThat(result.updated()).isEqualTo(2);
    assertThat(base.known("a")).as("the base is not changed").isEqualTo(100.0);
  }

  @Test
  void twoMeasurementsOfOneTestAreAveragedByTheirRuns() {
    Durations once = store("t", 100);
    Durations thrice = store("t", 200, "t", 200, "t", 200);

    Durations merged = DurationsMerge.merge(Durations.empty(), List.of(once, thrice)).merged();

    assertThat(merged.known("t")).isEqualTo(175.0);
    assertThat(merged.runs("t")).isEqualTo(3);
  }

  @Test
  void theOrderOfTheStoresDoesNotChangeTheResult(@TempDir Path dir) throws Exception {
    List<Durations> stores = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      stores.add(store("x", 100.0 / 3 + s * 0.1, "y" + s, 10 * s + 1));
    }
    Durations forward = DurationsMerge.merge(Durations.empty(), stores).merged();
    List<Durations> reversed = new ArrayList<>(stores);
    java.util.Collections.reverse(reversed);
    Durations backward = DurationsMerge.merge(Durations.empty(), reversed).merged();

    forward.save(dir.resolve("f.json"));
    backward.save(dir.resolve("b.json"));
    assertThat(dir.resolve("f.json")).hasSameTextualContentAs(dir.resolve("b.json"));
  }

  @Test
  void listsTheSlowestTestsFirst() {
    Durations durations = store("a", 10, "b", 30, "c", 20, "d", 30);

    assertThat(durations.slowest(3)).containsExactly("b", "d", "c");
  }
}
