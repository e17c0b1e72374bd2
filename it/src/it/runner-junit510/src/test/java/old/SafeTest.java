package old;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeTest {
  @Test void userSettingsReachTheWorker() {
    assertEquals("yes", System.getProperty("sample.argline"), "argLine");
    assertEquals("set", System.getProperty("sample.prop"), "systemPropertyVariables");
    assertEquals("on", System.getenv("SAMPLE_ENV"), "environmentVariables");
  }

  @Test void knowsItsWorker() {
    assertEquals(true, System.getProperty("jtest.worker").matches("[1-9][0-9]*"));
  }
}
