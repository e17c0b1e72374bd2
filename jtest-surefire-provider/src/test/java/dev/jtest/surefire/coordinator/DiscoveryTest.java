package dev.jtest.surefire.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

  @Test
  void aClassDeclaringNestedClassesHasNested() {
    assertThat(Discovery.hasNested(Declaring.class)).isTrue();
  }

  /**
   * A concrete test class that inherits {@code @Nested} classes from an abstract one runs them with
   * its own instance as their enclosing one: it must stay whole as a declaring class does.
   */
  @Test
  void aClassInheritingNestedClassesHasNested() {
    assertThat(Discovery.hasNested(Inheriting.class)).isTrue();
  }

  @Test
  void aClassWithOnlyStaticMemberClassesHasNone() {
    assertThat(Discovery.hasNested(Plain.class)).isFalse();
  }

  abstract static class Contract {
    @Nested
    class Removal {
      @Test
      void removes() {}
    }
  }

  static class Inheriting extends Contract {}

  static class Declaring {
    @Nested
    class Inner {
      @Test
      void works() {}
    }
  }

  static class Plain {
    static class Helper {}

    @Test
    void works() {}
  }
}
