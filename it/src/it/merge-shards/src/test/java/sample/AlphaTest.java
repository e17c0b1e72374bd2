package sample;

import org.junit.jupiter.api.Test;

class AlphaTest {

  @Test
  void step1() throws InterruptedException {
    Thread.sleep(120);
  }

  @Test
  void step2() throws InterruptedException {
    Thread.sleep(240);
  }

  @Test
  void step3() throws InterruptedException {
    Thread.sleep(360);
  }
}
