package s;

import org.junit.jupiter.api.Test;

class SomeTest {
  @Test void t() {}
}
