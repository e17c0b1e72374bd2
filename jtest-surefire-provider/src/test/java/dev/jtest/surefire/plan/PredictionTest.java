package dev.jtest.surefire.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.surefire.plan.Prediction.Shard;
import dev.jtest.surefire.plan.Prediction.Unit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionTest {

  private static List<Unit> units(double... millis) {
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < millis.length; i++) {
      units.add(new Unit("u" + i, millis[i]));
    }
    return units;
  }

  @Test
  void givesTheLongestUnitsToTheLightestShard() {
    List<Shard> shards = Prediction.predict(units(50, 40, 30, 20, 10), 2, 1);

    assertThat(shards).extracting(Shard::totalMillis).containsExactly(80.0, 70.0);
    assertThat(shards.get(0).units()).extracting(Unit::key).containsExactly("u0", "u3", "u4");
    assertThat(shards.get(1).units()).extracting(Unit::key).containsExactly("u1", "u2");
  }

  @Test
  void everyUnitLandsInExactlyOneShardWhateverTheOrder() {
    List<Unit> units = units(7, 7, 7, 3, 3, 9, 1, 1, 1, 12);
    List<Unit> shuffled = new ArrayList<>(units);
    Collections.shuffle(shuffled, new java.util.Random(14));

    List<Shard> one = Prediction.predict(units, 3, 2);
    List<Shard> other = Prediction.predict(shuffled, 3, 2);

    assertThat(one).isEqualTo(other);
    assertThat(one.stream().flatMap(s -> s.units().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(units);
  }

  @Test
  void aShardsMakespanIsItsBusiestWorker() {
    assertThat(Prediction.makespan(List.of(30.0, 20.0, 20.0, 10.0), 2)).isEqualTo(40.0);
    assertThat(Prediction.makespan(List.of(30.0, 20.0), 4)).isEqualTo(30.0);
    assertThat(Prediction.makespan(List.of(), 2)).isZero();

    List<Shard> shards = Prediction.predict(units(30, 20, 20, 10), 1, 2);
    assertThat(shards.get(0).makespanMillis()).isEqualTo(40.0);
  }

  @Test
  void theIdealIsTheWorkPerWorkerOrTheLongestUnit() {
    assertThat(Prediction.idealMillis(units(10, 10, 10, 10), 2, 2)).isEqualTo(10.0);
    assertThat(Prediction.idealMillis(units(100, 10), 2, 2)).isEqualTo(100.0);
  }

  @Test
  void wholeClassesBecomeOneUnit() {
    Durations durations = Durations.empty();
    durations.record("[engine:junit-jupiter]/[class:a.AIT]/[method:one()]", 10);
    durations.record("[engine:junit-jupiter]/[class:a.AIT]/[nested-class:Inner]/[method:x()]", 5);
    durations.record("[engine:junit-jupiter]/[class:a.BIT]/[method:two()]", 20);

    assertThat(Prediction.units(durations, true))
        .containsExactly(new Unit("a.AIT", 15), new Unit("a.BIT", 20));
    assertThat(Prediction.units(durations, false)).hasSize(3);
  }

  @Test
  void rejectsNoShardsOrNoWorkers() {
    assertThatThrownBy(() -> Prediction.predict(units(1), 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
