package crash;

import org.junit.jupiter.api.Test;

class OtherIT {
  @Test void one() throws Exception { Thread.sleep(100); }
  @Test void two() throws Exception { Thread.sleep(100); }
  @Test void three() throws Exception { Thread.sleep(100); }
}
