package counts;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatesIT {
  @ParameterizedTest @ValueSource(ints = {1, 2, 3}) void parameterized(int n) { assertNotEquals(2, n); }
  @RepeatedTest(3) void repeated() {}
  @TestFactory List<DynamicTest> factory() {
    return List.of(dynamicTest("first", () -> {}), dynamicTest("second", () -> { throw new AssertionError("second fails"); }));
  }
}
