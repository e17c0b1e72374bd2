package reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameterized, repeated and dynamic tests, with and without names of their own. */
class TemplatesIT {
  @ParameterizedTest(name = "{0} plus {1} is {2}")
  @CsvSource({"1, 1, 2", "2, 2, 4", "3, 3, 7"})
  void adds(int a, int b, int sum) {
    assertEquals(sum, a + b);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "b"})
  void defaultNames(String s) {}

  @RepeatedTest(value = 3, name = "{displayName} {currentRepetition}/{totalRepetitions}")
  @DisplayName("repeated")
  void repeated() {}

  @TestFactory
  Stream<DynamicNode> factory() {
    return Stream.of(
        dynamicTest("first", () -> {}),
        dynamicContainer(
            "group", Stream.of(dynamicTest("inner one", () -> {}), dynamicTest("inner two", () -> {}))));
  }

  @TestFactory
  @DisplayName("named factory")
  Stream<DynamicTest> namedFactory() {
    return Stream.of(dynamicTest("only", () -> {}));
  }

  @Nested
  @DisplayName("in a nested class")
  class InNested {
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {1, 2})
    void parameterized(int n) {}

    @RepeatedTest(2)
    void repeatedHere() {}
  }
}
