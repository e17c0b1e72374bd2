package reports;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Nested classes with display names at several levels, two of them sharing one. */
@DisplayName("exclusive between")
class DisplayNamesIT {
  @Test
  @DisplayName("top level test")
  void topLevel() {}

  @Nested
  @DisplayName("with comparable")
  class WithComparable {
    @Test
    void plain() {}

    @Nested
    @DisplayName("B is 0 (B < A)")
    class WithMessage {
      @Test
      void throwsWithMessage() {}

      @Test
      @DisplayName("message names both")
      void namesBoth() {}
    }
  }

  @Nested
  @DisplayName("with long")
  class WithLong {
    @Test
    void plain() {}

    @Nested
    @DisplayName("B is 0 (B < A)")
    class WithMessage {
      @Test
      void throwsWithMessage() {}

      @Test
      @DisplayName("message names both")
      void namesBoth() {}

      @Test
      void flakyInNested() {
        if (Marker.first("DisplayNamesIT.flakyInNested")) {
          throw new AssertionError("fails the first time only");
        }
      }

      @Nested
      class Undecorated {
        @Test
        void deepest() {}
      }
    }
  }
}
