package reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An assumption fails in @BeforeAll: every test of the class is skipped. */
class AbortedBeforeAllIT {
  @BeforeAll
  static void setUp() {
    assumeTrue(false, "no database here");
  }

  @Test void a() {}
  @Test void b() {}

  @Nested
  class Inner {
    @Test void c() {}
  }
}
