package reports;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Its @BeforeAll fails the first time only: the rerun runs the tests. */
class FlakyBeforeAllIT {
  @BeforeAll
  static void setUp() {
    if (Marker.first("FlakyBeforeAllIT")) {
      throw new IllegalStateException("fixture not ready yet");
    }
  }

  @Test void a() {}
  @Test void b() {}
}
