package sample;

import dev.jtest.junit.Serial;
import org.junit.jupiter.api.Test;

@Serial
class GlobalStateIT {
  @Test void first() { Times.run("GlobalStateIT.first", 200); }
  @Test void second() { Times.run("GlobalStateIT.second", 200); }
}
