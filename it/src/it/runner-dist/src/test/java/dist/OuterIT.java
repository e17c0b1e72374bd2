package dist;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OuterIT {
  @Test void outer() throws Exception { Times.run("OuterIT.outer"); }

  @Nested class Inner {
    @Test void i1() throws Exception { Times.run("OuterIT.Inner.i1"); }
    @Test void i2() throws Exception { Times.run("OuterIT.Inner.i2"); }
  }
}
