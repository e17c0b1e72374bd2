package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.surefire.JtestRunException;
import dev.jtest.surefire.coordinator.PhaseReport.Bar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedTimelineTest {

  @TempDir Path dir;

  private RecordedTimeline written(String name, long origin, Map<String, Double> predicted)
      throws Exception {
    PhaseReport parallel =
        new PhaseReport(
            "parallel",
            2,
            2,
            List.of(
                new Bar(1, "AIT.one", origin, origin + 300, "SUCCESSFUL"),
                new Bar(2, "BIT.<two>", origin + 20, origin + 200, "FAILED")),
            List.of(new Bar(1, "AIT", origin, origin + 300, "UNIT")),
            400);
    PhaseReport serial =
        new PhaseReport(
            "serial",
            1,
            1,
            List.of(new Bar(1, "CIT.alone", origin + 500, origin + 600, "SUCCESSFUL")),
            List.of(new Bar(1, "CIT", origin + 500, origin + 600, "UNIT")),
            150);
    Path file = dir.resolve(name + ".json");
    Timeline.writeJson(file, "surefire, jtest.dist=load", List.of(parallel, serial), predicted);
    return RecordedTimeline.parse(name, file.toString(), Files.readString(file));
  }

  @Test
  void readsBackWhatARunWroteWithItsPrediction() throws Exception {
    RecordedTimeline run = written("shards/1", 1_000, Map.of("parallel", 280.4, "serial", 90.0));

    assertThat(run.title()).isEqualTo("surefire, jtest.dist=load");
    assertThat(run.tests()).isEqualTo(3);
    assertThat(run.actualMillis()).as("from each phase's first test to its last").isEqualTo(400);
    assertThat(run.wallMillis()).isEqualTo(550);
    assertThat(run.predictedMillis()).hasValue(370.0);
    assertThat(run.start()).isEqualTo(1_000);
    assertThat(run.phases().get(0).bars())
        .extracting(RecordedTimeline.Bar::test)
        .containsExactly("AIT.one", "BIT.<two>");
  }

  @Test
  void aTimelineWithoutAPredictionSaysSo() throws Exception {
    assertThat(written("old", 0, Map.of()).predictedMillis()).isEmpty();
  }

  @Test
  void drawsEveryShardWithItsPredictedAndActualTime() throws Exception {
    RecordedTimeline first = written("shards/1", 1_000, Map.of("parallel", 200.0, "serial", 100.0));
    RecordedTimeline second = written("shards/2", 9_000_000, Map.of());

    String html = MergedTimeline.html(List.of(first, second));

    assertThat(html)
        .contains(
            "<svg",
            "2 shards",
            "shard shards/1: 0.40 s, predicted 0.30 s",
            "shard shards/2: 0.40 s")
        .contains(
            "<td>shards/1</td>",
            "<td>shards/2</td>",
            "not recorded",
            "<td>1.33</td><td>0.55 s</td>")
        .contains("stroke-dasharray", "BIT.&lt;two&gt; · failed · 180 ms")
        .doesNotContain("BIT.<two>");
    // Each shard from its own first test, whatever its machine's clock said.
    assertThat(html).contains("<rect class=\"SUCCESSFUL\" x=\"220.0\"");
  }

  @Test
  void rejectsAFileThatIsNoTimelineNamingIt() {
    assertThatThrownBy(
            () ->
                RecordedTimeline.parse(
                    "x", "shards/1/durations.json", "{\"format\": \"jtest-durations/1\"}"))
        .isInstanceOf(JtestRunException.class)
        .hasMessageStartingWith("shards/1/durations.json is not a jtest timeline");
    assertThatThrownBy(() -> RecordedTimeline.parse("x", "t.json", "{"))
        .hasMessageContaining("t.json is not a jtest timeline");
  }
}
