package dev.jtest.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShardTest {

  private static final String ACCEPTED =
      "use I/N with 1 <= I <= N (shard I of N), or auto (the CI's parallel-job variables:"
          + " CI_NODE_INDEX/CI_NODE_TOTAL, CIRCLE_NODE_INDEX/CIRCLE_NODE_TOTAL,"
          + " BUILDKITE_PARALLEL_JOB/BUILDKITE_PARALLEL_JOB_COUNT)";

  private static Optional<Shard> auto(Map<String, String> environment) {
    return Shard.resolve(Settings.SHARD.parse("auto"), environment::get);
  }

  @Test
  void parsesIOfNAutoAndBlank() {
    assertThat(Settings.SHARD.parse("2/3")).isEqualTo("2/3");
    assertThat(Settings.SHARD.parse(" 2 / 3 ")).isEqualTo("2/3");
    assertThat(Settings.SHARD.parse("1/1")).isEqualTo("1/1");
    assertThat(Settings.SHARD.parse("AUTO")).isEqualTo("auto");
    assertThat(Settings.SHARD.parse(" ")).isNull();
    assertThat(Settings.SHARD.read(Map.<String, String>of()::get)).isNull();
    assertThat(Shard.resolve("2/3", Map.<String, String>of()::get)).contains(new Shard(2, 3));
    assertThat(Shard.resolve(null, Map.of("CI_NODE_INDEX", "1")::get)).isEmpty();
  }

  @Test
  void rejectsAShardPastTheLastNamingPropertyValueAndReason() {
    assertThatThrownBy(() -> Settings.SHARD.parse("4/3"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("Invalid jtest.shard=\"4/3\": there is no shard 4 of 3; " + ACCEPTED);
  }

  @Test
  void rejectsShardZeroAndZeroShards() {
    assertThatThrownBy(() -> Settings.SHARD.parse("0/3"))
        .hasMessage("Invalid jtest.shard=\"0/3\": shards are numbered from 1; " + ACCEPTED);
    assertThatThrownBy(() -> Settings.SHARD.parse("1/0"))
        .hasMessage(
            "Invalid jtest.shard=\"1/0\": N, the number of shards, must be at least 1; "
                + ACCEPTED);
  }

  @Test
  void rejectsMalformedValues() {
    for (String bad : new String[] {"1-3", "1/3/4", "one/3", "/3", "1/", "-1/3", "99999999999/3"}) {
      assertThatThrownBy(() -> Settings.SHARD.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidSettingException.class)
          .hasMessage("Invalid jtest.shard=\"" + bad + "\": " + ACCEPTED);
    }
  }

  @Test
  void autoReadsEachCiCountingAsItDoes() {
    // GitLab counts from 1, CircleCI and Buildkite from 0.
    assertThat(auto(Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "3", "GITLAB_CI", "true")))
        .contains(new Shard(1, 3));
    assertThat(auto(Map.of("CIRCLE_NODE_INDEX", "0", "CIRCLE_NODE_TOTAL", "3")))
        .contains(new Shard(1, 3));
    assertThat(auto(Map.of("BUILDKITE_PARALLEL_JOB", "2", "BUILDKITE_PARALLEL_JOB_COUNT", "3")))
        .contains(new Shard(3, 3));
  }

  @Test
  void autoOutsideAnyCiRunsEveryTest() {
    assertThat(auto(Map.of())).isEmpty();
    assertThat(auto(Map.of("CI", "false"))).isEmpty();
  }

  @Test
  void autoOnACiWithoutShardVariablesSaysWhatToPass() {
    assertThatThrownBy(() -> auto(Map.of("CI", "true", "GITHUB_ACTIONS", "true")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith(
            "Invalid jtest.shard=\"auto\": this build runs on GitHub Actions, which sets none of"
                + " CI_NODE_INDEX/CI_NODE_TOTAL,")
        .hasMessageContaining("-Djtest.shard=${{ matrix.shard }}/${{ strategy.job-total }}");
    // GitLab sets CI_NODE_TOTAL=1 on a job without parallel:, and no index.
    assertThatThrownBy(() -> auto(Map.of("GITLAB_CI", "true", "CI_NODE_TOTAL", "1")))
        .hasMessageContaining("GitLab CI")
        .hasMessageContaining("give the job `parallel: N`, or pass the job's index and count");
  }

  @Test
  void autoRejectsVariablesThatNameNoShard() {
    assertThatThrownBy(() -> auto(Map.of("CIRCLE_NODE_INDEX", "3", "CIRCLE_NODE_TOTAL", "3")))
        .hasMessage(
            "Invalid jtest.shard=\"auto\": CIRCLE_NODE_INDEX=3 and CIRCLE_NODE_TOTAL=3 (CircleCI"
                + " `parallelism:`, counted from 0) name no shard; pass -Djtest.shard=I/N"
                + " instead");
    assertThatThrownBy(() -> auto(Map.of("CI_NODE_INDEX", "2")))
        .hasMessageContaining("CI_NODE_INDEX=2 and CI_NODE_TOTAL=null");
  }
}
