package sample;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlainIT {

  @Test
  void runsWithoutServices() {
    assertNull(System.getProperty("jtest.web.url"));
  }
}
