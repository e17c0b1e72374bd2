package dev.jtest.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthStartIntervalTest {

  @Test
  void comparesApiVersionsByMajorThenMinor() {
    assertThat(HealthStartInterval.atLeast("1.41", "1.44")).isFalse();
    assertThat(HealthStartInterval.atLeast("1.44", "1.44")).isTrue();
    assertThat(HealthStartInterval.atLeast("1.47", "1.44")).isTrue();
    assertThat(HealthStartInterval.atLeast("2.0", "1.44")).isTrue();
    assertThat(HealthStartInterval.atLeast("1.9", "1.44")).isFalse();
  }

  @Test
  void anUnreadableVersionCountsAsTooOld() {
    assertThat(HealthStartInterval.atLeast(null, "1.44")).isFalse();
    assertThat(HealthStartInterval.atLeast("unknown", "1.44")).isFalse();
  }
}
