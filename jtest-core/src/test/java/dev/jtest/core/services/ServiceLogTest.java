package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jtest.core.engine.LogLine;
import dev.jtest.core.testing.TestContainers;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's log file and, line for line beside it, the engine's time of each line. */
class ServiceLogTest {

  @Test
  void writesTheTimeOfEachLineBesideTheLogLineForLine(@TempDir Path dir) throws Exception {
    ServiceLog log = new ServiceLog(dir.resolve("db.log"));

    log.append(new LogLine(Instant.ofEpochMilli(1_700_000_000_123L), "db: loading"));
    log.append("pre_start[0] | seeded");
    log.append(new LogLine(Instant.ofEpochMilli(1_700_000_001_000L), "db: ready"));
    log.close();

    assertThat(Files.readAllLines(dir.resolve("db.log")))
        .containsExactly("db: loading", "pre_start[0] | seeded", "db: ready");
    assertThat(Files.readAllLines(ServiceLog.timesFile(dir.resolve("db.log"))))
        .as("dir/db.times: epoch milliseconds, empty where the engine gave no time")
        .containsExactly("1700000000123", "", "1700000001000");
    assertThat(ServiceLog.timesFile(dir.resolve("db.log"))).hasFileName("db.times");
  }

  /** The engine's times, from the real log stream, fall within the container's run. */
  @Test
  void theEngineTimesEachLineOfAFollowedContainer(@TempDir Path dir) throws Exception {
    try (TestContainers containers = new TestContainers()) {
      Instant before = Instant.now().minusSeconds(1);
      String id =
          containers.run(
              "echo first; sleep 0.5; echo '  second, indented'; exec sleep 600",
              List.of(),
              null,
              TestContainers.logBuffer());
      ServiceLog log = new ServiceLog(dir.resolve("api.log"));
      try (Closeable follower = containers.engine().followLogs(id, log::append, log::markEnded)) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> log.count() >= 2);
      }
      log.close();
      Instant after = Instant.now().plusSeconds(1);

      assertThat(Files.readAllLines(dir.resolve("api.log")))
          .as("the service's own text, no time in it")
          .containsExactly("first", "  second, indented");
      List<Instant> times =
          Files.readAllLines(dir.resolve("api.times")).stream()
              .map(millis -> Instant.ofEpochMilli(Long.parseLong(millis)))
              .toList();
      assertThat(times).hasSize(2).allMatch(t -> t.isAfter(before) && t.isBefore(after));
      assertThat(times.get(1)).isAfterOrEqualTo(times.get(0));
      if (!containers.engine().info().podman()) {
        // Podman 4.3 times its log lines to the second only.
        assertThat(Duration.between(times.get(0), times.get(1)))
            .isGreaterThanOrEqualTo(Duration.ofMillis(400));
      }
    }
  }
}
