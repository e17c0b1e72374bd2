package old;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jtest.junit.Serial;
import org.junit.jupiter.api.Test;

/** {@code @Serial}, the deprecated former name of {@code @RunSerially}, still carries the tag. */
@Serial
class SharedStateTest {
  @Test void mustNotRun() { fail("deselected by -Djtest.m=\"not serial\""); }
}
