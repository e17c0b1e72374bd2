package sample;

import org.junit.jupiter.api.Test;

class GammaTest {

  @Test
  void step1() throws InterruptedException {
    Thread.sleep(60);
  }

  @Test
  void step2() throws InterruptedException {
    Thread.sleep(120);
  }

  @Test
  void step3() throws InterruptedException {
    Thread.sleep(180);
  }

  @Test
  void step4() throws InterruptedException {
    Thread.sleep(240);
  }
}
