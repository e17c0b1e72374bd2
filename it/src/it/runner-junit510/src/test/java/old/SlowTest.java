package old;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class SlowTest {
  @Test void excludedByTheUsersExcludedGroups() { fail("excludedGroups=slow"); }
}
