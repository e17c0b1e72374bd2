package sample;

import dev.jtest.junit.RunSerially;
import org.junit.jupiter.api.Test;

@RunSerially
class GlobalStateIT {
  @Test void first() { Times.run("GlobalStateIT.first", 200); }
  @Test void second() { Times.run("GlobalStateIT.second", 200); }
}
