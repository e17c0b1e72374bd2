package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlphaTest {

  @Test
  void one() throws Exception {
    Jvm.record();
    Thread.sleep(200);
    assertEquals(2, 1 + 1);
  }

  @Test
  void two() throws Exception {
    Jvm.record();
    Thread.sleep(200);
    assertEquals(4, 2 + 2);
  }
}
