package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.engine.ImageConfig;
import dev.jtest.core.services.ServiceHooks;
import dev.jtest.core.services.StackListener;
import dev.jtest.core.testing.Specs;
import dev.jtest.settings.CoverageAgents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the agents join the JVM options a service already has, as Docker combines environments. */
class CoverageHooksTest {

  private static final ImageConfig IMAGE =
      new ImageConfig(
          List.of("java", "-cp", "/app", "Main"),
          List.of(),
          List.of("PATH=/usr/bin", "JAVA_TOOL_OPTIONS=-Dfrom=image -Xss1m"));

  @TempDir static Path work;

  /** As jtest:start gives it: {@code target/jtest/coverage}. */
  private static CoverageOptions options() {
    return new CoverageOptions(
        work.resolve("jtest").resolve("coverage"), List.of("dev.demo.*"), List.of(), "-Pcoverage");
  }

  private static String toolOptions(Map<String, String> composeEnvironment) {
    CoverageHooks hooks = new CoverageHooks(null, options(), StackListener.silent());
    return hooks
        .prepare(Specs.service("api").environment(composeEnvironment).build(), IMAGE)
        .environment()
        .get("JAVA_TOOL_OPTIONS");
  }

  /** A per-test run's data would otherwise be merged into the next run's harvest as covered. */
  @Test
  void aNewCoverageStartRemovesThePreviousRunsAgentsFileAndPerTestData() throws Exception {
    Path workDir = work.resolve("jtest");
    Path perTest = CoverageAgents.perTestDirectory(workDir);
    Files.createDirectories(perTest);
    Files.writeString(perTest.resolve("api.exec"), "old");
    Files.writeString(CoverageAgents.file(workDir), "{}");

    toolOptions(Map.of());

    assertThat(perTest).doesNotExist();
    assertThat(CoverageAgents.file(workDir)).doesNotExist();
  }

  @Test
  void keepsTheImagesOwnOptionsAndAppendsBothAgents() {
    assertThat(toolOptions(Map.of()))
        .startsWith("-Dfrom=image -Xss1m -javaagent:/jtest-coverage/jacocoagent.jar=")
        .contains(",includes=dev.demo.*")
        .endsWith(
            " -javaagent:/jtest-coverage/jtest-dump.jar=file=/jtest-coverage/data/api.exec,wait=8500");
  }

  @Test
  void aComposeValueReplacesTheImagesAsDockerDoes() {
    assertThat(toolOptions(Map.of("JAVA_TOOL_OPTIONS", "-Dfrom=compose")))
        .startsWith("-Dfrom=compose -javaagent:/jtest-coverage/jacocoagent.jar=")
        .doesNotContain("from=image");
  }

  @Test
  void anEmptyComposeValueLeavesOnlyTheAgents() {
    assertThat(toolOptions(Map.of("JAVA_TOOL_OPTIONS", "")))
        .startsWith("-javaagent:/jtest-coverage/jacocoagent.jar=")
        .doesNotContain("from=image");
  }

  /**
   * Every container is created at once once the images are built: services prepared side by side
   * must each get both agent jars. The lazy load set the first jar before the second, so a service
   * prepared between the two got a directory named jtest-dump.jar ("Error opening zip file").
   */
  @Test
  void servicesPreparedAtOnceEachGetBothAgentJars() throws Exception {
    for (int round = 0; round < 20; round++) {
      CoverageHooks hooks = new CoverageHooks(null, options(), StackListener.silent());
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<ServiceHooks.Adjustment>> prepared =
          new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "svc" + i;
        prepared.add(
            pool.submit(
                () -> {
                  go.await();
                  return hooks.prepare(Specs.service(name).build(), IMAGE);
                }));
      }
      go.countDown();
      for (var adjustment : prepared) {
        assertThat(adjustment.get().files())
            .filteredOn(f -> f.path().endsWith(".jar"))
            .hasSize(2)
            .allSatisfy(f -> assertThat(f.directory()).as(f.path() + " is a file").isFalse());
      }
      pool.shutdown();
    }
  }
}
