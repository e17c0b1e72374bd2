package dev.jtest.surefire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class EnginesTest {

  @Test
  void vintageRunsOnJUnitFourTwelveOrNewer() {
    assertThat(Engines.supported("4.13.2")).isTrue();
    assertThat(Engines.supported("4.12")).isTrue();
    assertThat(Engines.supported("4.11")).isFalse();
    assertThat(Engines.supported("3.8.1")).isFalse();
    assertThat(Engines.supported("snapshot")).isFalse();
  }

  @Test
  void excludesVintageWhereTheTestsHaveNoJUnitFour() {
    // This module's test class path has no JUnit 4; a loader that sees nothing has none either.
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    assertThat(Engines.filters(empty)).hasSize(1);
  }
}
