package reports;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Its @BeforeAll always fails: reported once, however many workers ran a part of it. */
class BeforeAllFailsIT {
  @BeforeAll
  static void setUp() {
    throw new IllegalStateException("no fixture");
  }

  @Test void a() {}
  @Test void b() {}
  @Test void c() {}
  @Test void d() {}
}
