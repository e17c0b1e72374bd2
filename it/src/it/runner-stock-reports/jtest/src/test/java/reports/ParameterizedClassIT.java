package reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** A class template: every test runs once per value. */
@ParameterizedClass
@ValueSource(strings = {"x", "y"})
class ParameterizedClassIT {
  @Parameter String value;

  @Test
  void hasValue() {}

  @Test
  void hasValueToo() {}
}
