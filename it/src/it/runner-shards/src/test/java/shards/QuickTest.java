package shards;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class QuickTest {
  @Test void q1() throws Exception { Work.takes(30); }
  @Test void q2() throws Exception { Work.takes(30); }
  @Test void q3() throws Exception { Work.takes(30); }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void each(int n) throws Exception { Work.takes(20 * n); }
}
