package counts;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NestedIT {
  @Test void outer() {}

  @Nested class Inner {
    @Test void one() {}
    @Test void two() {}

    @Nested class Deeper {
      @Test void three() {}
      @Disabled @Test void skipped() {}
    }
  }
}
