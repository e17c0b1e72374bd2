package dist;

import org.junit.jupiter.api.Test;

class BIT {
  @Test void one() throws Exception { Times.run("BIT.one"); }
  @Test void two() throws Exception { Times.run("BIT.two"); }
  @Test void three() throws Exception { Times.run("BIT.three"); }
  @Test void four() throws Exception { Times.run("BIT.four"); }
}
