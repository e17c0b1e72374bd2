package old;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jtest.junit.Serial;
import org.junit.jupiter.api.Test;

class MixedTest {
  @Test void runs() {}
  @Serial @Test void mustNotRunEither() { fail("deselected"); }
}
