package shards;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class BetaTest {
  @Test void b1() throws Exception { Work.takes(300); }
  @Test void b2() throws Exception { Work.takes(150); }
  @Test void aborted() { assumeTrue(false, "not on this machine"); }
}
