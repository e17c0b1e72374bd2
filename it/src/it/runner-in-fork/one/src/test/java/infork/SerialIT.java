package infork;

import dev.jtest.junit.RunSerially;
import org.junit.jupiter.api.Test;

@RunSerially
class SerialIT {
  @Test
  void first() {
    Where.ran("SerialIT.first", 200);
    System.out.println("serial output");
  }

  @Test
  void second() {
    Where.ran("SerialIT.second", 200);
  }
}
