package sample;

import org.junit.jupiter.api.Test;

/** Holds the build in its test phase when -Dhold=<seconds> is given, so it can be interrupted. */
class HoldIT {

  @Test
  void holds() throws Exception {
    String hold = System.getProperty("hold");
    if (hold != null) {
      // A file, not only a line of output: test output is captured until the test ends.
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "holding"), hold);
      System.out.println("holding for " + hold + " s");
      Thread.sleep(Long.parseLong(hold) * 1000);
    }
  }
}
