package dev.jtest.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Lines as the engine's log stream sends them with {@code timestamps=true}. */
class LogLineTest {

  @Test
  void splitsTheEnginesTimeFromTheLine() {
    assertThat(LogLine.parse("2026-11-28T02:50:00.123456789Z db: accepting connections"))
        .isEqualTo(
            new LogLine(
                Instant.parse("2026-11-28T02:50:00.123456789Z"), "db: accepting connections"));
  }

  @Test
  void readsPodmansTimeToTheSecond() {
    // Podman 4.3.1's compat API: no fraction of a second.
    assertThat(LogLine.parse("2026-11-28T02:50:30Z hello"))
        .isEqualTo(new LogLine(Instant.parse("2026-11-28T02:50:30Z"), "hello"));
  }

  @Test
  void keepsSpacesAndAnEmptyLine() {
    assertThat(LogLine.parse("2026-11-28T02:50:00.000000001Z   indented").text())
        .isEqualTo("  indented");
    assertThat(LogLine.parse("2026-11-28T02:50:00.000000001Z ").text()).isEmpty();
  }

  @Test
  void aLineWithoutTimeKeepsItsTextWhole() {
    assertThat(LogLine.parse("no time here")).isEqualTo(new LogLine(null, "no time here"));
    assertThat(LogLine.parse("2026-99-99T99:99:99Z broken"))
        .isEqualTo(new LogLine(null, "2026-99-99T99:99:99Z broken"));
    assertThat(LogLine.parse("")).isEqualTo(new LogLine(null, ""));
  }
}
