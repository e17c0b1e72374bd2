package dev.jtest.surefire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.settings.CoverageAgents;
import dev.jtest.settings.InvalidSettingException;
import dev.jtest.settings.Shard;
import dev.jtest.surefire.plan.Distribution;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunSettingsTest {

  private static final Path BASE = Path.of("/project");

  private static RunSettings read(Map<String, String> properties) {
    return RunSettings.read(properties, BASE, 8);
  }

  @Test
  void defaultsToOneWorkerPerProcessorLoadDistributionAndDurationsUnderTheProject() {
    RunSettings settings = read(Map.of());
    assertThat(settings.workers()).isEqualTo(8);
    assertThat(settings.distribution()).isEqualTo(Distribution.LOAD);
    assertThat(settings.durationsFile()).isEqualTo(Path.of("/project/.jtest/durations.json"));
    assertThat(settings.debugging()).isFalse();
    assertThat(settings.selection().isFiltering()).isFalse();
  }

  @Test
  void readsWorkersDistributionAndDurationsPath() {
    RunSettings settings =
        read(Map.of("jtest.workers", "3", "jtest.dist", "Fast", "jtest.durations", "d.json"));
    assertThat(settings.workers()).isEqualTo(3);
    assertThat(settings.distribution()).isEqualTo(Distribution.FAST);
    assertThat(settings.durationsFile()).isEqualTo(Path.of("/project/d.json"));
    assertThat(read(Map.of("jtest.workers", "auto")).workers()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "lots", "2.5"})
  void rejectsWorkersThatAreNotAPositiveIntegerNamingPropertyAndValue(String value) {
    assertThatThrownBy(() -> read(Map.of("jtest.workers", value)))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "Invalid jtest.workers=\""
                + value
                + "\": use auto (one worker per available processor) or a positive integer");
  }

  @Test
  void rejectsUnknownDistributionListingTheModes() {
    assertThatThrownBy(() -> read(Map.of("jtest.dist", "round-robin")))
        .hasMessage("Invalid jtest.dist=\"round-robin\": use one of load, class, module, fast");
  }

  @Test
  void debugMeansOneSuspendedWorkerOnTheDefaultOrGivenPort() {
    assertThat(read(Map.of("jtest.debug", "")).debugPort()).isEqualTo(5005);
    assertThat(read(Map.of("jtest.debug", "true")).debugPort()).isEqualTo(5005);
    RunSettings onPort = read(Map.of("jtest.debug", "8000", "jtest.workers", "4"));
    assertThat(onPort.debugPort()).isEqualTo(8000);
    assertThat(onPort.workers()).isEqualTo(1);
    assertThat(read(Map.of("jtest.debug", "false")).debugging()).isFalse();
    assertThatThrownBy(() -> read(Map.of("jtest.debug", "yes please")))
        .hasMessageStartingWith("Invalid jtest.debug=\"yes please\"");
  }

  @Test
  void rejectsBadExpressionsWhenRead() {
    assertThatThrownBy(() -> read(Map.of("jtest.k", "(a or b")))
        .hasMessageStartingWith("Invalid jtest.k=\"(a or b\"");
    assertThatThrownBy(() -> read(Map.of("jtest.m", "not")))
        .hasMessageStartingWith("Invalid jtest.m=\"not\"");
  }

  @Test
  void readsTheShardGivenOrFromTheCiVariables() {
    Map<String, String> none = Map.of();
    assertThat(read(Map.of()).shard()).isEmpty();
    assertThat(RunSettings.read(Map.of("jtest.shard", "2/3")::get, none::get, BASE, 8).shard())
        .contains(new Shard(2, 3));
    Map<String, String> gitlab = Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "4");
    RunSettings auto = RunSettings.read(Map.of("jtest.shard", "auto")::get, gitlab::get, BASE, 8);
    assertThat(auto.shardSetting()).isEqualTo("auto");
    assertThat(auto.shard()).contains(new Shard(3, 4));
    assertThatThrownBy(() -> read(Map.of("jtest.shard", "4/3")))
        .hasMessageStartingWith("Invalid jtest.shard=\"4/3\": there is no shard 4 of 3");
  }

  @Test
  void perTestCoverageRunsOneWorkerOnlyWhileTheServicesAgentsListen(@TempDir Path project)
      throws Exception {
    Map<String, String> perTest = Map.of("jtest.coverage.perTest", "true", "jtest.workers", "4");
    // Surefire's unit-test run: no stack, no agents file; the unit tests keep their workers.
    RunSettings unitTests = RunSettings.read(perTest, project, 8);
    assertThat(unitTests.workers()).isEqualTo(4);
    assertThat(unitTests.perTestCoverage()).isFalse();

    CoverageAgents.write(
        CoverageAgents.file(project.resolve("target/jtest")),
        Map.of("shop", new CoverageAgents.Agent("127.0.0.1", 32770)));
    RunSettings integrationTests = RunSettings.read(perTest, project, 8);
    assertThat(integrationTests.workers()).isEqualTo(1);
    assertThat(integrationTests.perTestCoverage()).isTrue();
    assertThat(RunSettings.read(Map.of("jtest.workers", "4"), project, 8).workers()).isEqualTo(4);
  }
}
