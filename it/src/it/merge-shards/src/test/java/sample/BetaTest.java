package sample;

import org.junit.jupiter.api.Test;

class BetaTest {

  @Test
  void step1() throws InterruptedException {
    Thread.sleep(200);
  }

  @Test
  void step2() throws InterruptedException {
    Thread.sleep(400);
  }
}
