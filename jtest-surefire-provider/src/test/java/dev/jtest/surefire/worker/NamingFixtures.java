package dev.jtest.surefire.worker;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Test classes that {@link ReportNamesTest} runs through the JUnit launcher; never run by this
 * build's own Surefire (its default excludes leave out nested classes).
 */
final class NamingFixtures {
  private NamingFixtures() {}

  @DisplayName("outer text")
  static class Outer {
    @Test
    void plain() {}

    @Nested
    @DisplayName("B is 0")
    class First {
      @Test
      void same() {}
    }

    @Nested
    @DisplayName("B is 0")
    class Second {
      @Test
      void same() {}
    }

    @ParameterizedTest(name = "{0} item")
    @ValueSource(ints = {1, 2})
    void param(int n) {}

    @TestFactory
    Stream<DynamicNode> factory() {
      return Stream.of(
          dynamicTest("a", () -> {}),
          dynamicContainer("group", Stream.of(dynamicTest("b", () -> {}))));
    }
  }

  abstract static class Base {
    @Nested
    class Inherited {
      @Test
      void inherited() {}
    }
  }

  static class Concrete extends Base {}

  @ParameterizedClass
  @ValueSource(strings = {"x", "y"})
  static class Template {
    @Parameter String value;

    @Test
    void t() {}
  }
}
