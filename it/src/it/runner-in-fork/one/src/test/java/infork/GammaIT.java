package infork;

import org.junit.jupiter.api.Test;

class GammaIT {
  @Test
  void one() {
    Where.ran("GammaIT.one", 300);
  }

  @Test
  void two() {
    Where.ran("GammaIT.two", 300);
  }
}
