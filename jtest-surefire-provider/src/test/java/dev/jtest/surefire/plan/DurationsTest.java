package dev.jtest.surefire.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurationsTest {

  @TempDir Path dir;

  @Test
  void unknownTestsAreExpectedToTakeTheMedian() {
    Durations durations = Durations.empty();
    assertThat(durations.estimate("x")).isEqualTo(1.0);
    durations.record("a", 100);
    durations.record("b", 300);
    durations.record("c", 200);
    assertThat(durations.estimate("a")).isEqualTo(100.0);
    assertThat(durations.estimate("new")).isEqualTo(200.0);
    durations.record("d", 1000);
    assertThat(durations.median()).isEqualTo(250.0);
  }

  @Test
  void recordsAMovingAverageOverTheLastRuns() {
    Durations durations = Durations.empty();
    durations.record("t", 100);
    durations.record("t", 200);
    assertThat(durations.known("t")).isEqualTo(150.0);
    for (int i = 0; i < 50; i++) {
      durations.record("t", 1000);
    }
    assertThat(durations.known("t")).isGreaterThan(990.0);
  }

  @Test
  void survivesARoundTripThroughItsFileWithAwkwardIds() throws Exception {
    Path file = dir.resolve(".jtest/durations.json");
    Durations durations = Durations.empty();
    String id = "[engine:junit-jupiter]/[class:a.B]/[method:m(java.lang.String)] \"q\" \\ <x>";
    durations.record(id, 12.5);
    durations.save(file);
    List<String> warnings = new ArrayList<>();
    Durations read = Durations.load(file, warnings::add);
    assertThat(warnings).isEmpty();
    assertThat(read.known(id)).isEqualTo(12.5);
  }

  @Test
  void aCorruptFileIsReportedOnceAndReplaced() throws Exception {
    Path file = dir.resolve("durations.json");
    Files.writeString(file, "{\"format\": \"jtest-durations/1\", \"tests\": {");
    List<String> warnings = new ArrayList<>();
    Durations durations = Durations.load(file, warnings::add);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains(file.toString()).contains("will be replaced");
    durations.record("t", 5);
    durations.save(file);
    assertThat(Durations.load(file, warnings::add).known("t")).isEqualTo(5.0);
    assertThat(warnings).hasSize(1);
  }

  @Test
  void aForeignFileIsReportedAndReplaced() throws Exception {
    Path file = dir.resolve("durations.json");
    Files.writeString(file, "{\"tests\": {\"t\": 5}}");
    List<String> warnings = new ArrayList<>();
    assertThat(Durations.load(file, warnings::add).known("t")).isNull();
    assertThat(warnings).singleElement().asString().contains("not a jtest durations file");
  }

  @Test
  void aMissingFileMeansNothingIsKnownYet() {
    List<String> warnings = new ArrayList<>();
    assertThat(Durations.load(dir.resolve("none.json"), warnings::add).median()).isEqualTo(1.0);
    assertThat(warnings).isEmpty();
  }

  @Test
  void aShardsOwnStoreKeepsItsTestsWithTheirWholeAverage() throws Exception {
    Durations durations = Durations.empty();
    durations.record("mine", 100);
    durations.record("mine", 300);
    durations.record("other", 50);
    Path file = dir.resolve("durations-surefire-shard-1-of-2.json");
    durations.only(List.of("mine", "never-recorded")).save(file);
    Durations own = Durations.load(file, w -> {});
    assertThat(own.known("mine")).isEqualTo(200.0);
    assertThat(own.known("other")).isNull();
    assertThat(own.known("never-recorded")).isNull();
    assertThat(Files.readString(file)).contains("\"runs\": 2");
  }
}
