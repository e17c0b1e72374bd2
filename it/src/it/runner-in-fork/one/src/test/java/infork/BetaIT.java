package infork;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BetaIT {
  @Test
  void slow() {
    Where.ran("BetaIT.slow", 400);
  }

  @Test
  void aborted() {
    assumeTrue(false, "not in this run");
  }

  /** Fails the first time, passes on the rerun: a flake in both reports. */
  @Test
  void flaky() throws IOException {
    Where.ran("BetaIT.flaky", 50);
    Path mark = Path.of("target", "flaky-ran-once");
    if (!Files.exists(mark)) {
      Files.createDirectories(mark.getParent());
      Files.createFile(mark);
      throw new IllegalStateException("first time fails");
    }
  }

  @Nested
  class Inner {
    @Test
    void nested() {
      Where.ran("BetaIT.Inner.nested", 100);
      System.out.println("nested output");
    }
  }
}
