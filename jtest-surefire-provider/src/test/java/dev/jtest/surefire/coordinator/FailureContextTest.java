package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.surefire.coordinator.PhaseReport.Bar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' lines each failed test gets, from timed logs and the phase's bars. */
class FailureContextTest {

  @TempDir Path work;

  private void log(String service, String times, String lines) throws Exception {
    Files.createDirectories(work.resolve("logs"));
    Files.writeString(work.resolve("logs/" + service + ".log"), lines);
    Files.writeString(work.resolve("logs/" + service + ".times"), times);
  }

  @Test
  void givesAFailedTestTheLinesLoggedWhileItRanAndNamesTheTestsRunAlongside() throws Exception {
    log(
        "api",
        "10000\n20500\n21000\n40000\n",
        "api: started\nGET /orders -> 500\nNullPointerException in OrderService\nGET /later\n");
    log("db", "20600\n", "db: deadlock detected\n");
    Bar failed = new Bar(0, "shop.OrderIT.createsAnOrder", 20000, 22000, "FAILED");
    Bar passed = new Bar(0, "shop.OrderIT.listsOrders", 2000, 19000, "SUCCESSFUL");
    Bar alongside = new Bar(1, "shop.StockIT.reserves", 21500, 30000, "SUCCESSFUL");
    PhaseReport phase =
        new PhaseReport("parallel", 2, 3, List.of(passed, failed, alongside), List.of(), 30000);

    List<FailureContext.Slice> slices = FailureContext.write(work, List.of(phase), new HashMap<>());

    assertThat(slices)
        .singleElement()
        .satisfies(
            slice -> {
              assertThat(slice.file())
                  .isEqualTo(work.resolve("failures/shop.OrderIT.createsAnOrder.log"));
              assertThat(slice.lines()).isEqualTo(3);
              assertThat(slice.alongside()).containsExactly("shop.StockIT.reserves");
              assertThat(slice.excerpt())
                  .containsExactly(
                      "api | GET /orders -> 500",
                      "db | db: deadlock detected",
                      "api | NullPointerException in OrderService");
            });
    assertThat(Files.readAllLines(work.resolve("failures/shop.OrderIT.createsAnOrder.log")))
        .startsWith("# shop.OrderIT.createsAnOrder failed")
        .contains(
            "# other workers ran at the same time, so their lines interleave:"
                + " shop.StockIT.reserves",
            "  +0.500s api | GET /orders -> 500",
            "  +0.600s db | db: deadlock detected",
            "  +1.000s api | NullPointerException in OrderService")
        .noneMatch(line -> line.contains("api: started") || line.contains("/later"));
  }

  @Test
  void writesNothingWithoutTimedLogsOrFailures() throws Exception {
    Bar failed = new Bar(0, "a.BIT.x", 1000, 2000, "FAILED");
    PhaseReport phase = new PhaseReport("serial", 1, 1, List.of(failed), List.of(), 1000);

    assertThat(FailureContext.write(work, List.of(phase), new HashMap<>())).isEmpty();

    log("api", "1500\n", "api: hi\n");
    PhaseReport green =
        new PhaseReport(
            "serial", 1, 1, List.of(new Bar(0, "a.BIT.y", 1000, 2000, "SUCCESSFUL")), List.of(), 1);
    assertThat(FailureContext.write(work, List.of(green), new HashMap<>())).isEmpty();
    assertThat(work.resolve("failures")).doesNotExist();
  }

  @Test
  void logsOfAnEarlierBuildAreNotThisRunsAndGiveNoSlice() throws Exception {
    log("api", "1500\n", "api: from yesterday\n");
    long now = System.currentTimeMillis();
    Files.setLastModifiedTime(
        work.resolve("logs/api.times"),
        java.nio.file.attribute.FileTime.fromMillis(now - 2 * FailureContext.STALE_MILLIS));
    PhaseReport phase =
        new PhaseReport(
            "serial", 1, 1, List.of(new Bar(0, "a.BIT", now, now + 100, "FAILED")), List.of(), 1);

    assertThat(FailureContext.write(work, List.of(phase), new HashMap<>())).isEmpty();
  }

  @Test
  void aCrashedTestGetsItsSliceToo() throws Exception {
    log("api", "1500\n", "api: out of memory\n");
    PhaseReport phase =
        new PhaseReport(
            "parallel", 1, 1, List.of(new Bar(0, "a.BIT", 1000, 2000, "CRASHED")), List.of(), 1);

    assertThat(FailureContext.write(work, List.of(phase), new HashMap<>()))
        .singleElement()
        .extracting(FailureContext.Slice::excerpt)
        .isEqualTo(List.of("api | api: out of memory"));
  }

  @Test
  void fileNamesAreSafeAndUniqueWithinARun() {
    Map<String, Integer> taken = new HashMap<>();

    assertThat(FailureContext.fileName("a.BIT.x(String)[1] \"quoted\"", taken))
        .isEqualTo("a.BIT.x_String_1_quoted_.log");
    assertThat(FailureContext.fileName("a.BIT.x(String)[1] \"quoted\"", taken))
        .isEqualTo("a.BIT.x_String_1_quoted_-2.log");
  }

  @Test
  void theReportHoldsTheSliceWithItsFileAsAnAttachmentAndNamesTheLaterAttemptsApart()
      throws Exception {
    log("api", "1500\n1600\n", "api: GET /a\napi: GET /b\n");
    Map<String, Integer> taken = new HashMap<>();
    Bar first = new Bar(0, "a.BIT.x", 1000, 2000, "FAILED", "[method:x()]");
    Bar rerun = new Bar(0, "a.BIT.x", 1000, 2000, "FAILED", "[method:x()]");

    FailureContext.Slice slice =
        FailureContext.write(
                work, List.of(new PhaseReport("serial", 1, 1, List.of(first), List.of(), 1)), taken)
            .get(0);
    FailureContext.Slice again =
        FailureContext.write(
                work, List.of(new PhaseReport("rerun", 1, 1, List.of(rerun), List.of(), 1)), taken)
            .get(0);

    assertThat(slice.href()).isEqualTo("failures/a.BIT.x.log");
    assertThat(again.href()).isEqualTo("failures/a.BIT.x-2.log");
    assertThat(slice.reportText(work).lines())
        .startsWith(
            "---- jtest: what the services logged while this test ran (2 line(s)), from"
                + " failures/a.BIT.x.log ----",
            "# a.BIT.x failed")
        .contains("  +0.500s api | api: GET /a", "  +0.600s api | api: GET /b")
        .endsWith("[[ATTACHMENT|failures/a.BIT.x.log]]");
  }

  @Test
  void theReportHoldsTheLastLinesOfALongSlice() throws Exception {
    StringBuilder times = new StringBuilder();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < FailureContext.REPORT_LINES + 3; i++) {
      times.append(1100 + i).append('\n');
      lines.append("line ").append(i).append('\n');
    }
    log("api", times.toString(), lines.toString());
    Bar failed = new Bar(0, "a.BIT.x", 1000, 2000, "FAILED", "x");

    String report =
        FailureContext.write(
                work,
                List.of(new PhaseReport("serial", 1, 1, List.of(failed), List.of(), 1)),
                taken())
            .get(0)
            .reportText(work);

    assertThat(report)
        .contains("# … 3 earlier line(s) only in the file")
        .contains("api | line 3\n")
        .doesNotContain("api | line 2\n")
        .contains("api | line " + (FailureContext.REPORT_LINES + 2));
  }

  private static Map<String, Integer> taken() {
    return new HashMap<>();
  }
}
