package shards;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Serial tests: each shard that gets some runs them in its own serial phase. */
@Tag("serial")
class SerialTest {
  @Test void s1() throws Exception { Work.takes(150); }
  @Test void s2() throws Exception { Work.takes(150); }
}
