package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BetaTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void positive(int value) throws Exception {
    Jvm.record();
    Thread.sleep(150);
    assertTrue(value > 0);
  }
}
