package sample;

import org.junit.jupiter.api.Test;

class BetaTest {
  @Test void one() { Times.run("BetaTest.one", 400); }
  @Test void two() { Times.run("BetaTest.two", 400); }
  @Test void three() { Times.run("BetaTest.three", 400); }
}
