package infork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlphaIT {
  @Test
  void passes() {
    Where.ran("AlphaIT.passes", 300);
  }

  @Test
  void prints() {
    Where.ran("AlphaIT.prints", 50);
    System.out.println("alpha says hello on stdout");
    System.err.println("alpha says hello on stderr");
  }

  @Test
  void fails() {
    Where.ran("AlphaIT.fails", 50);
    System.out.println("alpha fails next");
    assertEquals(2, 1 + 2, "arithmetic");
  }

  @Disabled("not today")
  @Test
  void disabled() {}

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void twice(int n) {
    Where.ran("AlphaIT.twice" + n, 50);
  }
}
