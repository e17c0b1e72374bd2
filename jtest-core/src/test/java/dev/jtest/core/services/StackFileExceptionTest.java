package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file of target/jtest that cannot be written is one message, not a stack trace. */
class StackFileExceptionTest {

  @TempDir Path dir;

  /** {@code target} is a file, so nothing can be written below it. */
  private Path blocked() throws Exception {
    Files.writeString(dir.resolve("target"), "not a directory");
    return dir.resolve("target/jtest");
  }

  @Test
  void aLogThatCannotBeCreatedNamesTheFileAndWhatToCheck() throws Exception {
    Path log = blocked().resolve("logs/api.log");

    assertThatThrownBy(() -> new ServiceLog(log))
        .isInstanceOf(StackFileException.class)
        .hasMessageStartingWith("cannot write " + log + " (")
        .hasMessageEndingWith(
            "check that " + log.getParent() + " is writable and its disk is not full");
  }

  @Test
  void aStateThatCannotBeWrittenNamesTheFile() throws Exception {
    Path workDir = blocked();
    StackState state =
        new StackState(
            "ab12cd34", "demo-0011aabb", "f", false, Map.of(), List.of(), List.of(), Map.of());

    assertThatThrownBy(() -> state.write(workDir))
        .isInstanceOf(StackFileException.class)
        .hasMessageStartingWith("cannot write " + StackState.file(workDir));
  }

  @Test
  void aReadinessReportThatCannotBeWrittenNamesTheFile() throws Exception {
    Path file = blocked().resolve("readiness.json");

    assertThatThrownBy(
            () -> ReadinessReport.write(file, Instant.now(), List.of(), Instant.now(), Map.of()))
        .isInstanceOf(StackFileException.class)
        .hasMessageStartingWith("cannot write " + file);
  }
}
