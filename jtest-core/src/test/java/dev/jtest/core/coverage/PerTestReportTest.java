package dev.jtest.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.settings.CoverageAgents;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.ExecutionDataWriter;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerTestReportTest {

  private static final String A = "[engine:junit-jupiter]/[class:sample.AIT]/[method:callsX()]";

  /** Appends one session as the worker does: a header of its own, then the session. */
  private static void append(Path file, String session, ExecutionData... data) throws Exception {
    try (OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      ExecutionDataWriter writer = new ExecutionDataWriter(out);
      writer.visitSessionInfo(new SessionInfo(session, 1, 2));
      for (ExecutionData one : data) {
        writer.visitClassExecution(one);
      }
    }
  }

  @Test
  void splitsAppendedSessionsByTestAndAddsUpRepeatedOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.exec");
    append(
        file,
        CoverageAgents.BETWEEN_TESTS,
        new ExecutionData(1, "a/Main", new boolean[] {true, false}));
    append(file, A, new ExecutionData(2, "a/Orders", new boolean[] {true}));
    append(
        file,
        CoverageAgents.BETWEEN_TESTS,
        new ExecutionData(1, "a/Main", new boolean[] {false, true}));

    Map<String, ExecutionDataStore> sessions = PerTestReport.sessions(file);

    assertThat(sessions).containsOnlyKeys(CoverageAgents.BETWEEN_TESTS, A);
    assertThat(sessions.get(A).get(2).getProbes()).containsExactly(true);
    assertThat(sessions.get(CoverageAgents.BETWEEN_TESTS).get(1).getProbes())
        .containsExactly(true, true);
    // JaCoCo's own loader reads the same file whole, as the harvest merges it.
    ExecFileLoader whole = new ExecFileLoader();
    whole.load(file.toFile());
    assertThat(whole.getSessionInfoStore().getInfos()).hasSize(3);
    assertThat(whole.getExecutionDataStore().get(1).getProbes()).containsExactly(true, true);
  }

  @Test
  void labelsTestsByClassAndMethodAsPeopleNameThem() {
    assertThat(PerTestReport.label(A)).isEqualTo("AIT.callsX");
    assertThat(
            PerTestReport.label(
                "[engine:junit-jupiter]/[class:sample.OuterIT]/[nested-class:Inner]"
                    + "/[test-template:adds(int)]/[test-template-invocation:#2]"))
        .isEqualTo("Inner.adds[2]");
    assertThat(PerTestReport.label("[engine:junit-jupiter]/[class:sample.Outer$Deep]/[method:t()]"))
        .isEqualTo("Deep.t");
    assertThat(PerTestReport.label("plain")).isEqualTo("plain");
  }
}
