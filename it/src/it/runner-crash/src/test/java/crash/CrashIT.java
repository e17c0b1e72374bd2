package crash;

import org.junit.jupiter.api.Test;

class CrashIT {
  @Test void before() {}
  @Test void exits() {
    System.out.println("about to exit");
    System.exit(3);
  }
  @Test void after() {}
}
