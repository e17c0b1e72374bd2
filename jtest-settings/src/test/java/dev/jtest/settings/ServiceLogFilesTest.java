package dev.jtest.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines the services logged within a window, from the files jtest:start writes. */
class ServiceLogFilesTest {

  @TempDir Path logs;

  private void log(String service, String... timedLines) throws Exception {
    StringBuilder text = new StringBuilder();
    StringBuilder times = new StringBuilder();
    for (String timed : timedLines) {
      int bar = timed.indexOf('|');
      times.append(timed, 0, bar).append('\n');
      text.append(timed.substring(bar + 1)).append('\n');
    }
    Files.writeString(logs.resolve(service + ".log"), text);
    Files.writeString(logs.resolve(service + ".times"), times);
  }

  private static Instant at(long millis) {
    return Instant.ofEpochMilli(millis);
  }

  @Test
  void takesEveryServicesLinesWithinTheWindowInTimeOrder() throws Exception {
    log("db", "1000|db: boot", "2000|db: query A", "3500|db: query B", "9000|db: later");
    log("api", "1500|api: boot", "2500|GET /a", "3500|GET /b");

    assertThat(ServiceLogFiles.within(logs, at(2000), at(3500)))
        .extracting(ServiceLogFiles.Line::service, ServiceLogFiles.Line::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("db", "db: query A"),
            org.assertj.core.groups.Tuple.tuple("api", "GET /a"),
            org.assertj.core.groups.Tuple.tuple("api", "GET /b"),
            org.assertj.core.groups.Tuple.tuple("db", "db: query B"));
  }

  @Test
  void aLineWithoutTimeTakesTheTimeOfTheLineBeforeIt() throws Exception {
    log("db", "1000|db: boot", "|pre_start[0] | seeded", "5000|db: done");

    assertThat(ServiceLogFiles.within(logs, at(900), at(1100)))
        .extracting(ServiceLogFiles.Line::text)
        .containsExactly("db: boot", "pre_start[0] | seeded");
  }

  @Test
  void aLogWithoutTimesOrNoLogsAtAllGiveNothing() throws Exception {
    Files.writeString(logs.resolve("old.log"), "from a jtest before .times\n");

    assertThat(ServiceLogFiles.within(logs, at(0), at(Long.MAX_VALUE / 2))).isEmpty();
    assertThat(ServiceLogFiles.within(logs.resolve("missing"), at(0), at(1))).isEmpty();
  }

  @Test
  void namesTheTimesFileBesideTheLog() {
    assertThat(ServiceLogFiles.timesFile(Path.of("target/jtest/logs/db.log")))
        .isEqualTo(Path.of("target/jtest/logs/db.times"));
  }

  @Test
  void keepsTheOrderOfOneServicesLinesOfTheSameTime() throws Exception {
    log("api", "1000|first", "1000|second", "1000|third");

    assertThat(ServiceLogFiles.within(logs, at(1000), at(1000)))
        .extracting(ServiceLogFiles.Line::text)
        .isEqualTo(List.of("first", "second", "third"));
  }
}
