package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.settings.Json;
import dev.jtest.surefire.coordinator.FlakyTests.Attempt;
import dev.jtest.surefire.coordinator.FlakyTests.Flaky;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlakyTestsTest {

  @TempDir Path work;

  @Test
  void aTestThatFailedThenPassedIsFlakyWithEachFailure() {
    List<Flaky> flaky =
        FlakyTests.find(
            List.of(
                new Attempt("t1", "AIT.one", "a.AIT", "FAILED", "expected: <1> but was: <2>"),
                new Attempt("t2", "AIT.two", "a.AIT", "FAILED", "always"),
                new Attempt("t3", "AIT.three", "a.AIT", "SUCCESSFUL", null),
                new Attempt("t1", "t1", "a.AIT", "CRASHED", "jtest worker 1 exited"),
                new Attempt("t2", "t2", "a.AIT", "FAILED", "always"),
                new Attempt("t1", "t1", "a.AIT", "SUCCESSFUL", null)));

    assertThat(flaky)
        .containsExactly(
            new Flaky(
                "t1",
                "AIT.one",
                "a.AIT",
                3,
                List.of("expected: <1> but was: <2>", "jtest worker 1 exited")));
  }

  @Test
  void aFailureIsNamedByItsMessagesFirstLineElseItsSummary() {
    assertThat(FlakyTests.firstLine("  boom\n\tat x", "AIT.one:12 boom")).isEqualTo("boom");
    assertThat(FlakyTests.firstLine(null, "AIT.one:12 NullPointer"))
        .isEqualTo("AIT.one:12 NullPointer");
    assertThat(FlakyTests.firstLine("", null)).isNull();
  }

  @Test
  @SuppressWarnings("unchecked") // Json.parse gives a list for a JSON array
  void writesTheListAndRemovesAStaleOneWhenThereIsNone() throws Exception {
    FlakyTests.write(
        work, List.of(new Flaky("[m:x()]", "AIT.x", "a.AIT", 2, List.of("said \"no\""))));

    List<Object> list = (List<Object>) Json.parse(Files.readString(work.resolve(FlakyTests.FILE)));
    assertThat(list)
        .containsExactly(
            Map.of(
                "id",
                "[m:x()]",
                "label",
                "AIT.x",
                "class",
                "a.AIT",
                "attempts",
                2.0,
                "failures",
                List.of("said \"no\"")));

    FlakyTests.write(work, List.of());
    assertThat(work.resolve(FlakyTests.FILE)).doesNotExist();
  }
}
