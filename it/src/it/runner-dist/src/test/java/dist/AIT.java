package dist;

import org.junit.jupiter.api.Test;

class AIT {
  @Test void one() throws Exception { Times.run("AIT.one"); }
  @Test void two() throws Exception { Times.run("AIT.two"); }
  @Test void three() throws Exception { Times.run("AIT.three"); }
  @Test void four() throws Exception { Times.run("AIT.four"); }
}

/** A second top-level class in the same source file: jtest.dist=module keeps it with AIT. */
class AExtraIT {
  @Test void x() throws Exception { Times.run("AExtraIT.x"); }
  @Test void y() throws Exception { Times.run("AExtraIT.y"); }
}
