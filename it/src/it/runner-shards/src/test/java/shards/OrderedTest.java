package shards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Its methods build on each other: jtest keeps the class whole, so in one shard. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderedTest {
  static int step;

  @Test @Order(1) void first() throws Exception { Work.takes(100); assertEquals(0, step++); }
  @Test @Order(2) void second() throws Exception { Work.takes(100); assertEquals(1, step++); }
  @Test @Order(3) void third() throws Exception { Work.takes(100); assertEquals(2, step++); }
}
