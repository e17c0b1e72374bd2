package old;

import org.junit.jupiter.api.Test;

class SafeTest {
  @Test void one() {}
  @Test void two() {}
}
