package reports;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Nested classes declared here run, and are reported, in every concrete subclass. */
abstract class AbstractContract {
  abstract int size();

  @Test
  void sizeIsNotNegative() {}

  @Nested
  class Emptiness {
    @Test
    void emptyHasSizeZero() {}

    @Test
    @Disabled("not for this contract")
    void notChecked() {}
  }

  @Nested
  @DisplayName("iteration")
  class Iteration {
    @Test
    void iterates() {}

    @Nested
    @DisplayName("removal")
    class Removal {
      @Test
      void removes() {}
    }
  }
}
