package sample;

import org.junit.jupiter.api.Test;

class AlphaTest {
  @Test void one() { Times.run("AlphaTest.one", 400); }
  @Test void two() { Times.run("AlphaTest.two", 400); }
  @Test void three() { Times.run("AlphaTest.three", 400); }
}
