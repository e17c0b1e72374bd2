package dev.jtest.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeInputsTest {

  @TempDir Path project;

  @BeforeEach
  void shards() throws Exception {
    for (String shard : new String[] {"1", "2", "3"}) {
      Path store = project.resolve("shards/" + shard + "/.jtest/durations.json");
      Files.createDirectories(store.getParent());
      Files.writeString(store, "{}");
    }
    Files.writeString(project.resolve("shards/notes.txt"), "not a store");
  }

  private Path store(String shard) {
    return project.resolve("shards/" + shard + "/.jtest/durations.json");
  }

  @Test
  void aDirectoryStandsForEveryFileOfTheGoalBelowIt() {
    assertThat(MergeInputs.resolve(project, "shards", "durations.json", "stores"))
        .containsExactly(store("1"), store("2"), store("3"));
  }

  @Test
  void aDirectoryIsSearchedForEveryNameOfABraceGlob() throws Exception {
    Path shardStore = project.resolve("shards/2/target/jtest/durations-surefire-shard-2-of-3.json");
    Files.createDirectories(shardStore.getParent());
    Files.writeString(shardStore, "{}");

    assertThat(
            MergeInputs.resolve(
                project, "shards/2", "{durations-*-shard-*.json,durations.json}", "stores"))
        .containsExactly(store("2"), shardStore);
  }

  @Test
  void aGlobMatchesRelativeToTheProject() {
    assertThat(
            MergeInputs.resolve(project, "shards/*/.jtest/durations.json", "durations.json", "s"))
        .containsExactly(store("1"), store("2"), store("3"));
    assertThat(MergeInputs.resolve(project, "shards/[12]", "durations.json", "s"))
        .containsExactly(store("1"), store("2"));
  }

  @Test
  void anAbsoluteGlobMatchesWhereverItPoints(@TempDir Path elsewhere) {
    assertThat(
            MergeInputs.resolve(
                elsewhere, project + "/shards/*/.jtest/durations.json", "durations.json", "s"))
        .containsExactly(store("1"), store("2"), store("3"));
  }

  @Test
  void entriesAreCommaSeparatedAndAFileNamedTwiceCountsOnce() {
    assertThat(
            MergeInputs.resolve(
                project,
                " shards/2/.jtest/durations.json , shards/2,,shards/1/.jtest/durations.json",
                "durations.json",
                "s"))
        .containsExactly(store("1"), store("2"));
  }

  @Test
  void anEntryThatMatchesNothingIsAnErrorNamingIt() {
    assertThatThrownBy(
            () -> MergeInputs.resolve(project, "shards, shard/*", "durations.json", "stores"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("-Djtest.merge: 'shard/*' matches no stores in " + project);
    assertThatThrownBy(() -> MergeInputs.resolve(project, "shards", "timeline-*.json", "timelines"))
        .hasMessageContaining("'shards' matches no timelines")
        .hasMessageContaining("a directory is searched for timeline-*.json");
  }
}
