package old;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jtest.junit.Serial;
import org.junit.jupiter.api.Test;

@Serial
class SharedStateTest {
  @Test void mustNotRun() { fail("deselected by -Djtest.m=\"not serial\""); }
}
