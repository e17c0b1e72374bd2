package shards;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OuterTest {
  @Test void outer() throws Exception { Work.takes(120); }

  @Nested class Inner {
    @Test void i1() throws Exception { Work.takes(80); }
    @Test void i2() throws Exception { Work.takes(80); }
  }
}
