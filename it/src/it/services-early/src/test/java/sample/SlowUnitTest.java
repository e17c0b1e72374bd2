package sample;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A unit test phase longer than the stack's start, as in a real project. */
class SlowUnitTest {

  @Test
  void takesItsTime() throws Exception {
    Thread.sleep(4000);
    assertNull(System.getProperty("early.fail"), "failing on purpose (-Dearly.fail)");
  }
}
