package dev.jtest.core.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ComposeDurationsTest {

  @Test
  void parsesGoDurations() {
    assertThat(ComposeDurations.parse("1m30s", "x")).isEqualTo(Duration.ofSeconds(90));
    assertThat(ComposeDurations.parse("250ms", "x")).isEqualTo(Duration.ofMillis(250));
    assertThat(ComposeDurations.parse("1.5s", "x")).isEqualTo(Duration.ofMillis(1500));
    assertThat(ComposeDurations.parse("2h", "x")).isEqualTo(Duration.ofHours(2));
    assertThat(ComposeDurations.parse("0", "x")).isZero();
  }

  @Test
  void rejectsTextThatIsNoDuration() {
    assertThatThrownBy(() -> ComposeDurations.parse("5 parsecs", "f.yml:3: interval"))
        .hasMessage(
            "f.yml:3: interval: '5 parsecs' is not a duration: use e.g. '10s', '1m30s' or '500ms' (units: ns, us, ms, s, m, h)");
    assertThatThrownBy(() -> ComposeDurations.parse("10", "k"))
        .hasMessageContaining("add a unit, e.g. '10s'");
    assertThatThrownBy(() -> ComposeDurations.parse("", "k"))
        .hasMessageContaining("is not a duration");
  }

  @Test
  void formatsAsComposeWrites() {
    assertThat(ComposeDurations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(ComposeDurations.format(Duration.ofMillis(250))).isEqualTo("250ms");
  }
}
