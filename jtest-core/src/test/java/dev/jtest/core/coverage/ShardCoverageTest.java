package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataWriter;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardCoverageTest {

  private static final long CLASS_ID = 0x5eedL;

  @TempDir Path dir;

  /** Writes JaCoCo execution data of one class with the given probes hit, as an agent dumps it. */
  private static Path exec(Path file, boolean... probes) throws Exception {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      ExecutionDataWriter writer = new ExecutionDataWriter(out);
      writer.visitSessionInfo(new SessionInfo(file.toString(), 1, 2));
      writer.visitClassExecution(new ExecutionData(CLASS_ID, "demo/Greeter", probes));
      writer.flush();
    }
    return file;
  }

  private Path shard(String name, List<ServiceCoverage> harvest) {
    Path coverage = dir.resolve(name).resolve("target/jtest/coverage");
    Harvest.write(coverage, harvest);
    return coverage.resolve("harvest.json");
  }

  @Test
  void mergesEachServicesDataFromEveryShard() throws Exception {
    Path one = exec(dir.resolve("1/target/jtest/coverage/greeter.exec"), true, false, false);
    Path two = exec(dir.resolve("2/target/jtest/coverage/greeter.exec"), false, false, true);
    Path first = shard("1", List.of(new ServiceCoverage("greeter", one, true, null)));
    Path second =
        shard(
            "2",
            List.of(
                new ServiceCoverage("greeter", two, true, null),
                new ServiceCoverage("worker", null, false, "the agent never answered")));

    List<ServiceCoverage> merged = ShardCoverage.merge(List.of(first, second), dir.resolve("out"));

    assertThat(merged).extracting(ServiceCoverage::service).containsExactly("greeter", "worker");
    ServiceCoverage greeter = merged.get(0);
    assertThat(greeter.execFile()).isEqualTo(dir.resolve("out/greeter.exec"));
    assertThat(greeter.complete()).isTrue();
    assertThat(greeter.problem()).isNull();
    ExecFileLoader loader = new ExecFileLoader();
    loader.load(greeter.execFile().toFile());
    assertThat(loader.getExecutionDataStore().get(CLASS_ID).getProbes())
        .containsExactly(true, false, true);
    assertThat(loader.getSessionInfoStore().getInfos()).hasSize(2);
    ServiceCoverage worker = merged.get(1);
    assertThat(worker.execFile()).isNull();
    assertThat(worker.problem()).isEqualTo(second.getParent() + ": the agent never answered");
  }

  @Test
  void findsTheDataBesideAHarvestThatWasMovedFromWhereItRan() throws Exception {
    Path ranAt = dir.resolve("ci-runner/target/jtest/coverage/greeter.exec");
    Path harvest = shard("downloaded", List.of(new ServiceCoverage("greeter", ranAt, false, null)));
    exec(harvest.resolveSibling("greeter.exec"), true);

    List<ServiceCoverage> merged = ShardCoverage.merge(List.of(harvest), dir.resolve("out"));

    assertThat(merged.get(0).execFile()).isRegularFile();
    assertThat(merged.get(0).complete()).isFalse();
  }

  @Test
  void saysWhichShardLostItsData() {
    Path gone = dir.resolve("1/target/jtest/coverage/greeter.exec");
    Path harvest = shard("1", List.of(new ServiceCoverage("greeter", gone, true, null)));

    List<ServiceCoverage> merged = ShardCoverage.merge(List.of(harvest), dir.resolve("out"));

    assertThat(merged.get(0).execFile()).isNull();
    assertThat(merged.get(0).problem()).endsWith("the data file greeter.exec is missing");
  }

  @Test
  void rejectsAFileThatIsNoHarvest() throws Exception {
    Path other = Files.writeString(dir.resolve("harvest.json"), "{\"not\": \"a list\"}");

    assertThatThrownBy(() -> ShardCoverage.merge(List.of(other), dir.resolve("out")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(other + " is not a harvest that jtest:stop wrote");
  }
}
