package counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Shares one instance across ordered methods: jtest must keep it whole, on one worker. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassIT {
  private int step;

  @Test @Order(1) void first() { assertEquals(0, step++); }
  @Test @Order(2) void second() { assertEquals(1, step++); }
  @Test @Order(3) void third() { assertEquals(2, step++); }
}
