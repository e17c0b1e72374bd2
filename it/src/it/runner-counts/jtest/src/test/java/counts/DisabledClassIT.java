package counts;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

@Disabled("whole class off")
class DisabledClassIT {
  @Test void a() {}
  @Test void b() {}
}
