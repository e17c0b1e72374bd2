package dev.jtest.maven.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurefireWiringTest {

  @Test
  void mapsJupiterFiveToPlatformOneAndKeepsSixAsIs() {
    assertThat(SurefireWiring.platformOf("5.14.4")).isEqualTo("1.14.4");
    assertThat(SurefireWiring.platformOf("5.10.3")).isEqualTo("1.10.3");
    assertThat(SurefireWiring.platformOf("6.1.3")).isEqualTo("6.1.3");
  }

  @Test
  void mapsPlatformBackToTheJUnitVersionOfItsVintageEngine() {
    assertThat(SurefireWiring.junitOf("1.14.4")).isEqualTo("5.14.4");
    assertThat(SurefireWiring.junitOf("6.1.3")).isEqualTo("6.1.3");
  }

  @Test
  void addsVintageOnlyFromSurefireThreeSixAsStockDoes() {
    int[] since = SurefireWiring.VINTAGE_BY_DEFAULT;
    assertThat(SurefireWiring.olderThan("3.5.4", since)).isTrue();
    assertThat(SurefireWiring.olderThan("3.6.0", since)).isFalse();
  }

  @Test
  void upgradesOnlySurefireOlderThanThreeFive() {
    int[] oldest = SurefireWiring.OLDEST_SUREFIRE;
    assertThat(SurefireWiring.olderThan("3.2.5", oldest)).isTrue();
    assertThat(SurefireWiring.olderThan("2.22.2", oldest)).isTrue();
    assertThat(SurefireWiring.olderThan("3.5.0", oldest)).isFalse();
    assertThat(SurefireWiring.olderThan("3.6.1", oldest)).isFalse();
    assertThat(SurefireWiring.olderThan("4.0.0-M1", oldest)).isFalse();
  }
}
