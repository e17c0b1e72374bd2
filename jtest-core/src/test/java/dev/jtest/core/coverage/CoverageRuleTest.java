package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jtest.core.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import org.jacoco.core.analysis.ICoverageNode.CounterEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageRuleTest {

  @Test
  void parsesCounterRatioPairs() {
    assertThat(CoverageRule.parse("line:0.80, branch:0.6", "-Djtest.coverage.minimum"))
        .containsExactly(
            new CoverageRule(CounterEntity.LINE, 0.8), new CoverageRule(CounterEntity.BRANCH, 0.6));
    assertThat(CoverageRule.parse("", "x")).isEmpty();
  }

  @Test
  void rejectsUnknownCountersAndRatiosOutsideZeroToOne() {
    assertThatThrownBy(() -> CoverageRule.parse("lines:0.8", "-Djtest.coverage.minimum"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "-Djtest.coverage.minimum: unknown coverage counter 'lines' (known: instruction, branch, line, complexity, method, class)");
    assertThatThrownBy(() -> CoverageRule.parse("line:80", "x"))
        .hasMessage("x: ratio 80 for line is outside 0..1 (0.80 means 80 %)");
    assertThatThrownBy(() -> CoverageRule.parse("line:high", "x"))
        .hasMessageContaining("'high' is not a ratio");
    assertThatThrownBy(() -> CoverageRule.parse("line", "x"))
        .hasMessageContaining("is not COUNTER:RATIO");
  }

  @Test
  void refusesToReportWithoutClassFiles(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                CoverageReport.write(
                    new CoverageReport.Inputs(
                        "p",
                        List.of(),
                        List.of(dir.resolve("classes")),
                        List.of(),
                        dir.resolve("report"),
                        dir.resolve("merged.exec"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("coverage: no class files to analyse in ");
  }

  @Test
  void namesTheTopLevelPackagesOfTheProjectsClasses(@TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("dev/demo/auth/internal"));
    java.nio.file.Files.writeString(dir.resolve("dev/demo/auth/internal/A.class"), "");
    java.nio.file.Files.createDirectories(dir.resolve("sample"));
    java.nio.file.Files.writeString(dir.resolve("sample/B.class"), "");

    assertThat(CoverageReport.ownPackages(List.of(dir))).containsExactly("dev.demo.*", "sample.*");
  }
}
