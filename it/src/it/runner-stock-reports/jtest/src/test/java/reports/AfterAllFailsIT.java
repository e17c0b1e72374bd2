package reports;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

/** Its tests pass, then @AfterAll fails: an error of the class, not rerun. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class AfterAllFailsIT {
  @AfterAll
  static void tearDown() {
    throw new IllegalStateException("cannot clean up");
  }

  @Test void a() {}
  @Test void b() {}
}
