package reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** One test of every outcome, each rerun as rerunFailingTestsCount says. */
class OutcomesIT {
  @Test
  void passes() {
    System.out.println("output of passes");
  }

  @Test
  void fails() {
    assertEquals(1, 2, "always fails");
  }

  @Test
  void throwsError() {
    throw new IllegalStateException("always throws");
  }

  @Test
  void flaky() {
    if (Marker.first("OutcomesIT.flaky")) {
      fail("fails the first time only");
    }
  }

  @Test
  void assumptionFails() {
    assumeTrue(false, "not on this machine");
  }

  @Test
  @Disabled("switched off")
  void disabled() {}
}
