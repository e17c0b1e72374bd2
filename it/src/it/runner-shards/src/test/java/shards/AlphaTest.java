package shards;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class AlphaTest {
  @Test void a1() throws Exception { Work.takes(400); }
  @Test void a2() throws Exception { Work.takes(200); }
  @Test void a3() throws Exception { Work.takes(100); }
  @Test void a4() throws Exception { Work.takes(50); }
  @Disabled("not yet") @Test void off() {}
}
