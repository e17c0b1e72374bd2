package counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BasicsIT {
  @Test void passes() { System.out.println("hello from passes"); }
  @Test void fails() { assertEquals(1, 2, "one is not two"); }
  @Test void throwsError() { throw new IllegalStateException("boom"); }
  @Disabled("not today") @Test void disabled() {}
  @Test void assumptionFails() { assumeTrue(false, "not on this machine"); }
  @DisplayName("a displayed name") @Test void named() {}
}
