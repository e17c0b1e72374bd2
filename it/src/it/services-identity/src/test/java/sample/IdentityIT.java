package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IdentityIT {

  /**
   * Runs once the stack is ready, which web's readiness command allows only when its container got
   * every identity key: verify.groovy reads the rest from the build log.
   */
  @Test
  void runsOnceTheStackIsReady() {
    assertTrue(Files.isDirectory(Path.of("target", "jtest")));
  }
}
