package reports;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@Disabled("the whole class is off")
class DisabledClassIT {
  @Test
  void one() {}

  @Test
  void two() {}

  @Nested
  class Inside {
    @Test
    void three() {}
  }
}
