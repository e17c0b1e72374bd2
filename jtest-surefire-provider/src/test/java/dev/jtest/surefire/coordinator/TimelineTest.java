package dev.jtest.surefire.coordinator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtest.settings.Json;
import dev.jtest.surefire.coordinator.PhaseReport.Bar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {

  @Test
  void jsonCarriesEveryTestWithItsWorkerAndTimes(@TempDir Path dir) throws Exception {
    PhaseReport parallel =
        new PhaseReport(
            "parallel",
            2,
            2,
            List.of(
                new Bar(1, "AIT.one", 100, 300, "SUCCESSFUL"),
                new Bar(2, "BIT.\"two\"", 120, 200, "FAILED")),
            List.of(new Bar(1, "AIT", 100, 300, "UNIT"), new Bar(2, "BIT", 120, 200, "UNIT")),
            400);
    PhaseReport serial =
        new PhaseReport(
            "serial",
            1,
            1,
            List.of(new Bar(1, "CIT.alone", 500, 600, "SUCCESSFUL")),
            List.of(new Bar(1, "CIT", 500, 600, "UNIT")),
            150);
    Path file = dir.resolve("timeline.json");

    Timeline.writeJson(file, "failsafe, jtest.dist=load", List.of(parallel, serial));

    Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(file));
    assertEquals("jtest-timeline/1", root.get("format"));
    List<?> phases = (List<?>) root.get("phases");
    Map<?, ?> first = (Map<?, ?>) phases.get(0);
    assertEquals("parallel", first.get("name"));
    assertEquals(200L, ((Number) first.get("makespanMillis")).longValue());
    Map<?, ?> failed = (Map<?, ?>) ((List<?>) first.get("bars")).get(1);
    assertEquals("BIT.\"two\"", failed.get("test"));
    assertEquals(2L, ((Number) failed.get("worker")).longValue());
    assertEquals(120L, ((Number) failed.get("start")).longValue());
    assertEquals("FAILED", failed.get("outcome"));
    Map<?, ?> alone = (Map<?, ?>) ((List<?>) ((Map<?, ?>) phases.get(1)).get("bars")).get(0);
    assertEquals("CIT.alone", alone.get("test"));
  }
}
