package shards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailingTest {
  @Test void passes() throws Exception { Work.takes(100); }
  @Test void fails() { assertEquals(2, 1 + 2, "fails in every run, sharded or not"); }
}
