package counts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BeforeAllFailsIT {
  @BeforeAll static void setUp() { throw new IllegalStateException("no database"); }
  @Test void a() {}
  @Test void b() {}
  @Test void c() {}
}
